// The axes' tick labels and titles as HTML over the canvas, placed by projecting their 3-D anchors
// through the camera the GPU uses: text stays upright and readable from any angle.
import type { AxisLabel } from './axes.js';
import { project, type CameraMatrices } from './camera.js';

export interface PlacedLabel {
  text: string;
  kind: AxisLabel['kind'];
  /** CSS pixels from the top left of the canvas. */
  x: number;
  y: number;
}

/**
 * A label's box per character, in ems: a little wider than the digits, minus sign and letters of
 * common UI fonts, so the estimated boxes cover the drawn text without measuring it every frame.
 */
const CHAR_EM = 0.62;
/** Pixels kept clear around each label. */
const PAD = 1.5;
/**
 * Further clearance, in ems, between labels of different axes: a Loss tick just beside a W2 tick read
 * as one more W2 value ("10" next to "20" on a 390 px surface).
 */
const AXIS_GAP_EM = 0.6;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  axis: AxisLabel['axis'];
}

/** Whether two boxes overlap, or come closer than `gap` pixels when they belong to different axes. */
const tooClose = (a: Box, b: Box, gap: number) => {
  const g = a.axis === b.axis ? 0 : gap;
  return (
    a.left < b.right + g && b.left < a.right + g && a.top < b.bottom + g && b.top < a.bottom + g
  );
};

/** How many times `k` halves evenly (0 most of all): 4 → 2, 6 → 1, 3 → 0. */
function halvings(k: number): number {
  if (k === 0) return 64;
  let n = 0;
  for (let q = Math.abs(k); q % 2 === 0; q /= 2) n++;
  return n;
}

/**
 * The order ticks are placed in, so that thinning keeps round values: per axis, multiples of the
 * largest power of two of its steps first (0, ±20 before ±10 before ±15 and ±5), each in axis order.
 */
function roundestFirst(ticks: readonly AxisLabel[]): AxisLabel[] {
  const value = (label: AxisLabel) => Number(label.text.replace('−', '-'));
  const rank = new Map<AxisLabel, number>();
  for (const axis of new Set(ticks.map((tick) => tick.axis))) {
    const own = ticks.filter((tick) => tick.axis === axis);
    const values = own.map(value);
    const steps = values.slice(1).map((v, k) => Math.abs(v - values[k]!));
    const step = Math.min(...steps.filter((d) => d > 0));
    own.forEach((tick, k) => {
      const multiple = values[k]! / step;
      rank.set(tick, Number.isInteger(multiple) ? halvings(multiple) : 0);
    });
  }
  // A stable sort: equal ranks keep the axes' order.
  return [...ticks].sort((a, b) => (rank.get(b) ?? 0) - (rank.get(a) ?? 0));
}

/**
 * Where each label lands (CSS pixels), leaving out those a reader could not read: a label whose anchor
 * projects outside the frame (its axis is clipped: clamping them piled them up at the edge), and a
 * label whose box would overlap one already placed (or come within AXIS_GAP_EM of another axis's).
 * Titles are placed first, then ticks roundest first, so on a narrow view ticks thin out around the
 * titles and the round values stay.
 * `fontSize` is the tick labels' (titles 1.15×).
 */
export function placeLabels(
  labels: readonly AxisLabel[],
  matrices: CameraMatrices,
  width: number,
  height: number,
  fontSize = 11,
): PlacedLabel[] {
  const placed = new Map<AxisLabel, PlacedLabel>();
  const boxes: Box[] = [];
  const order = [
    ...labels.filter((l) => l.kind === 'title'),
    ...roundestFirst(labels.filter((l) => l.kind === 'tick')),
  ];
  for (const label of order) {
    const [ax, ay] = project(matrices, label.position, width, height);
    if (!(ax >= 0 && ax <= width && ay >= 0 && ay <= height)) continue;
    const size = label.kind === 'title' ? fontSize * 1.15 : fontSize;
    const halfWidth = (label.text.length * CHAR_EM * size) / 2 + PAD;
    const halfHeight = size / 2 + PAD;
    // Centred on the anchor, nudged whole inside the element (which clips: contain).
    const x = Math.min(width - halfWidth, Math.max(halfWidth, ax));
    const y = Math.min(height - halfHeight, Math.max(halfHeight, ay));
    const box = {
      left: x - halfWidth,
      right: x + halfWidth,
      top: y - halfHeight,
      bottom: y + halfHeight,
      axis: label.axis,
    };
    if (boxes.some((other) => tooClose(box, other, AXIS_GAP_EM * fontSize))) continue;
    boxes.push(box);
    placed.set(label, { text: label.text, kind: label.kind, x, y });
  }
  // In the axes' order (ticks, then their title, per axis), as before thinning.
  return labels.flatMap((label) => placed.get(label) ?? []);
}

/**
 * Keeps one span per label in `container`, reused from frame to frame, and touches only what changed:
 * during a morph most labels stay put, and each style or text write would have the page re-lay and
 * re-paint the labels in that frame.
 */
export class LabelOverlay {
  #container: HTMLElement;
  #spans: HTMLSpanElement[] = [];
  #shown: PlacedLabel[] = [];

  constructor(container: HTMLElement) {
    this.#container = container;
  }

  update(labels: readonly PlacedLabel[]): void {
    while (this.#spans.length < labels.length) {
      const span = document.createElement('span');
      this.#container.append(span);
      this.#spans.push(span);
    }
    while (this.#spans.length > labels.length) this.#spans.pop()!.remove();
    this.#shown.length = Math.min(this.#shown.length, labels.length);
    labels.forEach((label, k) => {
      const span = this.#spans[k]!;
      const shown = this.#shown[k];
      if (shown?.text !== label.text) span.textContent = label.text;
      if (shown?.kind !== label.kind) {
        span.className = label.kind;
        span.setAttribute('part', label.kind === 'title' ? 'axis-title' : 'tick-label');
      }
      const x = label.x.toFixed(1);
      const y = label.y.toFixed(1);
      if (shown?.x.toFixed(1) !== x || shown?.y.toFixed(1) !== y) {
        span.style.transform = `translate(${x}px, ${y}px) translate(-50%, -50%)`;
      }
      this.#shown[k] = label;
    });
  }
}
