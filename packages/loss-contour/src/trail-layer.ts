// The weights' trail, painted into a canvas of its own between the bands and the SVG marks.
//
// Why not SVG like the other marks: a trail grows by one point a step, and a browser that rasterizes
// on a software GPU (SwiftShader, as readers without GPU acceleration and headless pages have)
// re-strokes an antialiased polyline of every point each frame. At rate 60 a trail of a few hundred
// steps took the figure (sampler, surface, contour) from 58 to about 33 frames per second on two cores;
// a CPU canvas strokes it in well under a millisecond and is handed over as one image.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Vec2 } from '@lossquake/core';
import type { PlotFrame } from './plot-frame.js';

/** The trail split where the reader picked the weights: training steps, and the picks' straight jumps. */
export interface TrailMarks {
  /** Polylines of the training steps between picks, in element pixels. */
  runs: Vec2[][];
  /** Each pick's jump, from the weights before it to the picked ones, in element pixels. */
  jumps: [Vec2, Vec2][];
}

/** `picked` holds k for each pick that moved the weights from path[k - 1] to path[k]. */
export function trailMarks(
  path: readonly Vec2[],
  picked: ReadonlySet<number>,
  frame: PlotFrame,
): TrailMarks {
  const runs: Vec2[][] = [];
  const jumps: [Vec2, Vec2][] = [];
  let run: Vec2[] = [];
  path.forEach((w, k) => {
    const point = frame.toPixel(w);
    if (k > 0 && picked.has(k)) {
      jumps.push([frame.toPixel(path[k - 1]!), point]);
      if (run.length > 1) runs.push(run);
      run = [];
    }
    run.push(point);
  });
  if (run.length > 1) runs.push(run);
  return { runs, jumps };
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/** What the layer paints at the host's next update. */
export interface TrailInput {
  trail: TrailMarks | null;
  frame: PlotFrame | null;
  pixelRatio: number;
}

/** Paints the trail canvas (`canvas.trail` in the host's shadow root) after each update that changed it. */
export class TrailLayer implements ReactiveController {
  /** What is painted now, in element pixels (the test hooks read it). */
  painted: TrailMarks | null = null;
  #host: Host;
  #input: () => TrailInput;
  #key: unknown[] = [];

  constructor(host: Host, input: () => TrailInput) {
    this.#host = host;
    this.#input = input;
    host.addController(this);
  }

  /** The canvas, if the view has one now. */
  get canvas(): HTMLCanvasElement | null {
    return this.#host.renderRoot.querySelector('canvas.trail');
  }

  hostDisconnected(): void {
    // Free the backing store; it is sized again when the element comes back.
    const canvas = this.canvas;
    if (canvas) canvas.width = canvas.height = 0;
    this.#key = [];
  }

  hostUpdated(): void {
    const canvas = this.canvas;
    const { trail, frame, pixelRatio } = this.#input();
    const ctx = canvas?.getContext('2d', { willReadFrequently: true });
    if (!canvas || !ctx || !frame) return;
    // The colour is the CSS one (`--lossquake-path-color`), resolved on the canvas itself.
    const colour = getComputedStyle(canvas).color;
    const { rect } = frame;
    const width = Math.max(1, Math.round(rect.width * pixelRatio));
    const height = Math.max(1, Math.round(rect.height * pixelRatio));
    const key = [trail, canvas, rect, width, height, colour];
    if (key.every((part, k) => part === this.#key[k])) return;
    this.#key = key;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    this.painted = trail;
    if (!trail) return;
    // Element pixels (where toPixel puts the points) to the canvas's device pixels over the plot.
    const sx = width / rect.width;
    const sy = height / rect.height;
    ctx.setTransform(sx, 0, 0, sy, -rect.x * sx, -rect.y * sy);
    ctx.strokeStyle = colour;
    ctx.globalAlpha = 0.85;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.setLineDash([]);
    ctx.beginPath();
    for (const run of trail.runs) {
      run.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    }
    ctx.stroke();
    if (trail.jumps.length === 0) return;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    for (const [[x1, y1], [x2, y2]] of trail.jumps) {
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
    }
    ctx.stroke();
  }
}
