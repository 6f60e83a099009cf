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

export function placeLabels(
  labels: readonly AxisLabel[],
  matrices: CameraMatrices,
  width: number,
  height: number,
): PlacedLabel[] {
  // Labels sit centred on their anchors; keep each whole inside the element, which clips (contain).
  const margin = (text: string) => Math.min(width / 2, 4 + text.length * 3.5);
  return labels.map(({ text, kind, position }) => {
    const [x, y] = project(matrices, position, width, height);
    const m = margin(text);
    return {
      text,
      kind,
      x: Math.min(width - m, Math.max(m, x)),
      y: Math.min(height - 8, Math.max(8, y)),
    };
  });
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
