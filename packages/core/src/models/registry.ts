// The models a page can name in the sampler's `model` attribute.

import type { Model } from '../model.js';
import { logistic } from './logistic.js';

export const models: Readonly<Record<string, Model>> = Object.freeze({ logistic });

/** The model called `name`, or a RangeError listing the known ones. */
export function getModel(name: string): Model {
  const model = Object.hasOwn(models, name) ? models[name] : undefined;
  if (!model)
    throw new RangeError(`unknown model '${name}' (expected ${Object.keys(models).join(', ')})`);
  return model;
}
