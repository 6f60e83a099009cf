// The surface mesh and its wireframe: heights and slopes of two landscapes per vertex, blended by `t`
// in the vertex shader, coloured from a colour-map texture by normalised height and lit so slopes read.
// Drawn inside the camera scope (commands/camera.ts), which sets viewProjection and the viewport.
import type { Regl, Buffer, Elements, Texture2D, DrawCommand } from 'regl';

export interface SurfaceProps {
  positions: Buffer;
  from: Buffer;
  to: Buffer;
  elements: Elements;
  t: number;
  rangeFrom: readonly [number, number];
  rangeTo: readonly [number, number];
  boxHeight: number;
  /** Unit vector towards the light, world coordinates. */
  light: readonly [number, number, number];
  colormap: Texture2D;
}

export interface WireProps extends Omit<SurfaceProps, 'colormap' | 'light'> {
  color: readonly [number, number, number, number];
}

const vertex = `
precision highp float;
attribute vec2 position;
attribute vec3 heightsFrom, heightsTo;
uniform float t, boxHeight;
uniform vec2 rangeFrom, rangeTo;
uniform mat4 viewProjection;
uniform float lift;
varying float level;
varying vec3 normal;
void main() {
  vec3 s = mix(heightsFrom, heightsTo, t);
  vec2 range = mix(rangeFrom, rangeTo, t);
  float span = max(range.y - range.x, 1e-12);
  level = (s.x - range.x) / span;
  float z = (clamp(level, 0.0, 1.0) * 2.0 - 1.0) * boxHeight;
  float scale = 2.0 * boxHeight / span;
  normal = vec3(-scale * s.y, -scale * s.z, 1.0);
  gl_Position = viewProjection * vec4(position, z, 1.0);
  gl_Position.z -= lift * gl_Position.w;
}`;

// Flat ground keeps the colour map's own colour; slopes towards the light brighten, away darken.
// The light follows the camera (above and to the left of the eye), so the faces a reader looks at
// stay lit from any angle.
const surfaceFragment = `
precision highp float;
uniform sampler2D colormap;
varying float level;
varying vec3 normal;
uniform vec3 light;
void main() {
  // Seen from below (a cliff leaning away), light the underside as if from below, so it reads as
  // clearly as the top instead of going grey.
  vec3 n = normalize(normal);
  vec3 l = light;
  if (!gl_FrontFacing) {
    n = -n;
    l.z = -l.z;
  }
  float shade = clamp(1.0 + 0.35 * (dot(n, l) - abs(l.z)), 0.7, 1.2);
  vec3 colour = texture2D(colormap, vec2(clamp(level, 0.0, 1.0) * (255.0 / 256.0) + 0.5 / 256.0, 0.5)).rgb;
  gl_FragColor = vec4(clamp(colour * shade, 0.0, 1.0), 1.0);
}`;

const wireFragment = `
precision mediump float;
uniform vec4 color;
void main() { gl_FragColor = vec4(color.rgb * color.a, color.a); }`;

const sharedAttributes = {
  position: (_: unknown, props: SurfaceProps) => props.positions,
  heightsFrom: (_: unknown, props: SurfaceProps) => props.from,
  heightsTo: (_: unknown, props: SurfaceProps) => props.to,
};

const sharedUniforms = {
  t: (_: unknown, props: SurfaceProps) => props.t,
  boxHeight: (_: unknown, props: SurfaceProps) => props.boxHeight,
  rangeFrom: (_: unknown, props: SurfaceProps) => [...props.rangeFrom],
  rangeTo: (_: unknown, props: SurfaceProps) => [...props.rangeTo],
};

export function createSurfaceCommand(regl: Regl): DrawCommand {
  return regl({
    vert: vertex,
    frag: surfaceFragment,
    attributes: sharedAttributes,
    uniforms: {
      ...sharedUniforms,
      lift: 0,
      light: (_: unknown, props: SurfaceProps) => [...props.light],
      colormap: regl.prop<SurfaceProps, 'colormap'>('colormap'),
    },
    elements: regl.prop<SurfaceProps, 'elements'>('elements'),
    depth: { enable: true, mask: true },
    cull: { enable: false },
    blend: { enable: false },
  });
}

export function createWireCommand(regl: Regl): DrawCommand {
  return regl({
    vert: vertex,
    frag: wireFragment,
    attributes: sharedAttributes,
    uniforms: {
      ...sharedUniforms,
      lift: 0.0015,
      color: regl.prop<WireProps, 'color'>('color'),
    },
    elements: regl.prop<WireProps, 'elements'>('elements'),
    primitive: 'lines',
    depth: { enable: true, mask: false },
    blend: { enable: true, func: { src: 'one', dst: 'one minus src alpha' } },
  } as never);
}
