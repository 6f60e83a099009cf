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

/** Keeps one span per label in `container`, reused from frame to frame. */
export class LabelOverlay {
  #container: HTMLElement;
  #spans: HTMLSpanElement[] = [];

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
    labels.forEach((label, k) => {
      const span = this.#spans[k]!;
      if (span.textContent !== label.text) span.textContent = label.text;
      if (span.className !== label.kind) span.className = label.kind;
      span.setAttribute('part', label.kind === 'title' ? 'axis-title' : 'tick-label');
      span.style.transform = `translate(${label.x.toFixed(1)}px, ${label.y.toFixed(1)}px) translate(-50%, -50%)`;
    });
  }
}
