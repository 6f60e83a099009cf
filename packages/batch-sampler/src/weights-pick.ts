// Which sampler a view's `weights-pick` moves: the nearest sampler around the view, unless the view
// follows another one by `for` (the pick then reaches that sampler through its own link).
import type { Vec2 } from '@lossquake/core';
import type { WeightsPickDetail } from '@lossquake/kit';

function pickedHere(sampler: Element, event: Event): boolean {
  const path = event.composedPath();
  const origin = path[0];
  const nearest = path.find(
    (node, i) => i > 0 && node instanceof Element && node.localName === sampler.localName,
  );
  if (nearest !== sampler) return false;
  const target = origin instanceof Element ? origin.getAttribute('for') : null;
  return !target || target === sampler.id;
}

/** Moves `sampler` to the weights its own views pick. */
export function followPicks(sampler: Element & { pick(weights: Vec2): void }): void {
  sampler.addEventListener('weights-pick', (event) => {
    const { weights } = (event as CustomEvent<WeightsPickDetail>).detail;
    if (pickedHere(sampler, event)) sampler.pick(weights);
  });
}
