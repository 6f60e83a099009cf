// What the figure and through-the-sampler pages share: a <batch-sampler> with views linked by `for`,
// side by side in the bench's 640×480 stage box, as an article shows them.
import { stage } from './harness.js';

/** The stage laid out for `count` tiles side by side (each tile's CSS size). */
export function tiles(count) {
  const box = stage();
  box.style.cssText = 'display:flex;flex-wrap:wrap;gap:0;width:800px;height:auto';
  const width = Math.floor(780 / count);
  return { box, width, height: Math.round((width * 3) / 4) };
}

/**
 * Inserts `<batch-sampler id="s">` (paused, seed 1: the bench's workload) and one linked element
 * per view, each `width`×`height` CSS px; resolves once every view has drawn the first batch.
 */
export async function mountSampler(
  box,
  { views, resolution, batchSize, rate, transition, size, off = [] },
) {
  const sampler = document.createElement('batch-sampler');
  for (const [name, value] of Object.entries({
    id: 's',
    dataset: 'blobs',
    samples: 1000,
    seed: 1,
    sampling: 'epoch',
    resolution,
    'batch-size': batchSize,
    rate,
  }))
    sampler.setAttribute(name, String(value));
  sampler.style.cssText = 'display:block;width:780px;height:auto'; // no controls: no box to speak of
  box.append(sampler);
  const elements = views.map((view) => {
    const el = document.createElement(view === 'surface' ? 'loss-surface' : 'loss-contour');
    el.setAttribute('for', 's');
    if (transition !== undefined) el.setAttribute('transition', String(transition));
    for (const name of off) el[name.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = false;
    el.style.cssText = `display:block;width:${size.width}px;height:${size.height}px`;
    box.append(el);
    return el;
  });
  await Promise.all(elements.map((el) => el.updateComplete));
  return { sampler, elements };
}
