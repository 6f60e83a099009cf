// One surface's GPU side: its two height-and-slope buffers (before and after the morph), uploaded once
// per landscape, and the draw of a whole scene into the shared canvas. Knows nothing of the element.
import type { Buffer } from 'regl';
import type { ColormapName } from '@lossquake/kit';
import { BOX_HEIGHT } from '../camera.js';
import type { Morph } from '../morph.js';
import type { Scene } from '../scene.js';
import type { SharedGL } from './shared-context.js';

export interface FrameOptions {
  /** Device pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel, for the marker's size. */
  pixelRatio: number;
  colormap: ColormapName;
  wireframe: boolean;
  /** A morph or a rotation is running (a software renderer then draws a coarser mesh). */
  moving: boolean;
}

export interface SurfaceRenderer {
  /** Draws one frame into the shared canvas's bottom-left corner; returns the surface triangles drawn. */
  draw(gl: SharedGL, morph: Morph, scene: Scene, frame: FrameOptions): number;
  destroy(): void;
}

type RGBA = readonly [number, number, number, number];
const PANE: RGBA = [0.9, 0.9, 0.92, 0.45];
const GRID: RGBA = [0.72, 0.72, 0.74, 0.9];
const AXIS: RGBA = [0.2, 0.2, 0.22, 1];
const WIRE: RGBA = [0.05, 0.1, 0.2, 0.28];
const PATH: RGBA = [0.85, 0.2, 0.1, 1];
const MARKER: RGBA = [0.9, 0.25, 0.1, 1];

/** `live` says which context generation is alive: buffers of a lost or freed one are gone already. */
export function createSurfaceRenderer(live: { readonly generation: number }): SurfaceRenderer {
  let generation = -1;
  let uploaded = -1;
  let buffers: { from: Buffer; to: Buffer; bytes: number } | null = null;

  function release(): void {
    if (buffers && generation === live.generation) {
      buffers.from.destroy();
      buffers.to.destroy();
    }
    buffers = null;
  }

  function upload(gl: SharedGL, morph: Morph): { from: Buffer; to: Buffer } {
    if (generation !== gl.generation) {
      // The context was recreated: the old buffers died with it.
      buffers = null;
      generation = gl.generation;
    }
    if (buffers && uploaded === morph.version) return buffers;
    if (buffers && buffers.bytes === morph.from.byteLength) {
      buffers.from.subdata(morph.from);
      buffers.to.subdata(morph.to);
    } else {
      release();
      buffers = {
        from: gl.regl.buffer({ data: morph.from, usage: 'dynamic' }),
        to: gl.regl.buffer({ data: morph.to, usage: 'dynamic' }),
        bytes: morph.from.byteLength,
      };
    }
    uploaded = morph.version;
    return buffers;
  }

  return {
    draw(gl, morph, scene, frame) {
      const { flat, surface, wire, camera } = gl.commands;
      const viewport = { x: 0, y: 0, width: frame.width, height: frame.height };
      let triangles = 0;
      camera({ viewProjection: scene.matrices.viewProjection, viewport }, () => {
        const { panes, grid, axis } = scene.axes;
        flat({ positions: panes, color: PANE, primitive: 'triangles', depth: false });
        flat({ positions: grid, color: GRID, primitive: 'lines', depth: false });
        flat({ positions: axis, color: AXIS, primitive: 'lines', depth: false });
        if (morph.grid) {
          const { from, to } = upload(gl, morph);
          const mesh = gl.mesh(morph.grid.size);
          const coarse = gl.software && frame.moving;
          triangles = coarse ? mesh.counts.moving : mesh.counts.still;
          const props = {
            positions: mesh.positions,
            from,
            to,
            t: scene.t,
            rangeFrom: scene.range.from,
            rangeTo: scene.range.to,
            boxHeight: BOX_HEIGHT,
          };
          surface({
            ...props,
            elements: coarse ? mesh.moving : mesh.triangles,
            light: scene.light,
            colormap: gl.colormap(frame.colormap),
          });
          if (frame.wireframe) wire({ ...props, elements: mesh.wire, color: WIRE });
        }
        if (scene.path && scene.path.length >= 6)
          flat({ positions: scene.path, color: PATH, primitive: 'line strip', depth: true });
        if (scene.marker) {
          const pointSize = 11 * frame.pixelRatio;
          flat({
            positions: scene.marker,
            color: MARKER,
            primitive: 'points',
            depth: false,
            pointSize,
          });
        }
      });
      return triangles;
    },
    destroy: release,
  };
}
