// Pasting an embed snippet into a fresh page, as a reader's CMS would, for the tests of toHTML().
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { Landscape } from '@lossquake/core';
import type { BatchSampler } from '@lossquake/batch-sampler';

/**
 * Puts `code` into a new fixture and resolves once its `view` shows its sampler's landscape.
 * (A view's `landscape` reads back the mode, so `currentLandscape` is what tells.)
 */
export async function pasted<V extends Element & { currentLandscape: Landscape | null }>(
  code: string,
  view: string,
): Promise<{ sampler: BatchSampler; view: V }> {
  const page = await fixture<HTMLDivElement>(html`<div></div>`);
  page.innerHTML = code;
  const sampler = page.querySelector('batch-sampler') as unknown as BatchSampler;
  const element = page.querySelector<V>(view)!;
  await waitUntil(
    () => element.currentLandscape !== null && element.currentLandscape === sampler.landscape,
    'the copy shows its sampler’s landscape',
    { timeout: 10000 },
  );
  return { sampler, view: element };
}
