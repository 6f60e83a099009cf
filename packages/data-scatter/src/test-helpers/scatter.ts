// Reading a <data-scatter> as a reader sees it: its points, rings and plot rectangle.
import type { DataScatter } from '../data-scatter.component.js';

export const points = (el: DataScatter) => [
  ...el.shadowRoot!.querySelectorAll<SVGCircleElement>('circle.point'),
];
export const rings = (el: DataScatter) => [
  ...el.shadowRoot!.querySelectorAll<SVGCircleElement>('circle.ring'),
];
export const centre = (c: SVGCircleElement): [number, number] => [
  c.cx.baseVal.value,
  c.cy.baseVal.value,
];

/** The plot's frame (the axes' domain rectangle) in the element's pixels. */
export function plotRect(el: DataScatter) {
  const rect = el.shadowRoot!.querySelector<SVGRectElement>('[part="axes"] .domain')!;
  const x = rect.x.baseVal.value;
  const y = rect.y.baseVal.value;
  return {
    left: x,
    top: y,
    right: x + rect.width.baseVal.value,
    bottom: y + rect.height.baseVal.value,
  };
}

/** Resolves once `check` holds (or after `tries` animation frames, with its last answer). */
export async function until(check: () => boolean, tries = 120): Promise<boolean> {
  for (let k = 0; k < tries; k++) {
    if (check()) return true;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return check();
}

/** Waits until the element has laid out and drawn its data (or a note other than "no data"). */
export async function drawn(el: DataScatter): Promise<void> {
  await until(() => {
    const root = el.shadowRoot;
    const note = root?.querySelector('[part="message"]')?.textContent ?? '';
    return !!root?.querySelector('[part="axes"]') || (note !== '' && !note.startsWith('No data'));
  });
  await el.updateComplete;
}

/** Collects console.error calls while a test runs: no test may cause one. */
export function watchConsoleErrors(): { errors: unknown[][]; restore(): void } {
  const errors: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args);
  return { errors, restore: () => (console.error = original) };
}
