// Registers <batch-sampler> once (a second copy of the script does not throw) and types the tag.
import { BatchSampler } from './batch-sampler.component.js';
import { define } from '@lossquake/kit';

export { BatchSampler };
export type { QuakeMagnitude } from './run/training-run.js';

// The cast: BatchSampler's `dataset` (the data set, per DESIGN.md) shadows HTMLElement's DOMStringMap.
define('batch-sampler', BatchSampler as unknown as CustomElementConstructor);

declare global {
  interface HTMLElementTagNameMap {
    'batch-sampler': BatchSampler;
  }
}
