// The settings of <batch-sampler>: what each attribute accepts, the reset a change causes, and the
// training run they make.
import {
  createGrid,
  datasetKinds,
  getModel,
  models,
  optimizerKinds,
  type Dataset,
  type Sampling,
} from '@lossquake/core';
import {
  accept,
  enumType,
  extentType,
  numberType,
  vec2Type,
  type AttributeType,
  type ResetReason,
} from '@lossquake/kit';
import type { BatchSampler } from './batch-sampler.component.js';
import type { RunConfig } from './run/training-run.js';

export { picksType } from './share/state-markup.js';

/** How far `start-at` replays, and `seek` at least (further with a larger `max-iterations`). */
export const MAX_SEEK = 100_000;

const samplings: readonly Sampling[] = ['epoch', 'replacement', 'sequential', 'full'];

export const datasetType = enumType(datasetKinds);
export const samplesType = numberType({ min: 2, max: 100_000, integer: true });
export const seedType = numberType({ expected: 'a finite number' });
export const modelType = enumType(Object.keys(models));
export const batchSizeType = numberType({ min: 1, integer: true });
export const samplingType = enumType(samplings);
export const optimizerType = enumType(optimizerKinds);
export const extentAttribute = extentType();
export const resolutionType = numberType({ min: 8, max: 256, integer: true });
export const rateType = numberType({ min: 0.1, max: 60 });
export const startAtType = numberType({ min: 0, max: MAX_SEEK, integer: true });
export const maxIterationsType = numberType({ min: 1, max: 1_000_000, integer: true });
export const weightsType = vec2Type();

/** A step size > 0; null (no attribute) stands for the model's default. */
export const learningRateType: AttributeType<number | null> = {
  expected: 'a number greater than 0',
  parse: (value) => {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
  },
};

/** The run `sampler`'s settings make on `data`; a batch size above the rows is clamped to them, with a warning. */
export function runConfig(sampler: BatchSampler, data: Dataset): RunConfig {
  const model = getModel(sampler.model);
  const expected = `an integer from 1 to the data's ${data.n} rows`;
  const rowsType = numberType({ fallback: 10, min: 1, max: data.n, integer: true, expected });
  return {
    model,
    data,
    batchSize: accept(sampler, 'batch-size', sampler.batchSize, rowsType, sampler.batchSize),
    sampling: sampler.sampling,
    seed: sampler.seed,
    optimizer: sampler.optimizer,
    learningRate: sampler.learningRate,
    initial: sampler.initialWeights ?? model.defaultWeights,
    grid: createGrid(sampler.extent, sampler.resolution),
  };
}

/** The iteration `seek(iteration)` goes to, or null (with a warning) for one it cannot. */
export function seekTarget(sampler: BatchSampler, iteration: unknown): number | null {
  const max = Math.max(sampler.maxIterations, MAX_SEEK);
  const type = numberType({ fallback: 0, min: 0, max, integer: true });
  const target = accept(sampler, 'seek()', iteration, type, NaN);
  return Number.isNaN(target) ? null : target;
}

/** The reset each setting's change causes, by property; the others (rate, loop…) reset nothing. */
export const resetReasons: Readonly<Record<string, ResetReason>> = {
  datasetKind: 'data',
  samples: 'data',
  seed: 'seed',
  model: 'model',
  batchSize: 'batch-size',
  sampling: 'sampling',
  optimizer: 'optimizer',
  learningRateSetting: 'learning-rate',
  initialWeights: 'weights',
  extent: 'extent',
  resolution: 'resolution',
};

export function isDataset(value: unknown): value is Dataset {
  const data = value as Partial<Dataset> | null;
  const n = data?.n;
  return (
    typeof n === 'number' &&
    Number.isInteger(n) &&
    n >= 2 &&
    data?.x instanceof Float64Array &&
    data.x.length === 2 * n &&
    data.y instanceof Uint8Array &&
    data.y.length === n
  );
}

/**
 * A page may set a property before the element's class is defined: the value then sits on the
 * instance and hides the class's accessor. Lit re-applies its own properties; this re-applies
 * `names`, the accessors the class writes itself.
 */
export function reapplyOwnProperties(element: object, names: readonly string[]): void {
  const own = element as Record<string, unknown>;
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(own, name)) continue;
    const value = own[name];
    delete own[name];
    own[name] = value;
  }
}
