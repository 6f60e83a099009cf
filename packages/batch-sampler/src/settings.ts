// The settings of <batch-sampler>: what each attribute accepts, the reset a change causes, and the
// training run they make.
import {
  activations,
  createGrid,
  datasetKinds,
  featureCount,
  getModel,
  MAX_LAYER_SIZE,
  MAX_LAYERS,
  models,
  NETWORK_LEARNING_RATE,
  optimizerKinds,
  type Dataset,
  type Plane,
  type Sampling,
  type Vec2,
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
import { warnUnfitPlane } from './given-plane.js';
import { networkRun } from './run/network-plane.js';
import type { RunConfig } from './run/training-run.js';

export { picksType } from './share/state-markup.js';

/** How far `start-at` replays, and `seek` at least (further with a larger `max-iterations`). */
export const MAX_SEEK = 100_000;

const samplings: readonly Sampling[] = ['epoch', 'replacement', 'sequential', 'full'];

export const datasetType = enumType(datasetKinds);
export const samplesType = numberType({ min: 2, max: 100_000, integer: true });
export const seedType = numberType({ expected: 'a finite number' });
/** The two-weight models of core's registry, and `mlp`: a network drawn on a plane through its weights. */
export const modelType = enumType([...Object.keys(models), 'mlp']);
export const activationType = enumType(activations);
export const planeType = enumType(['pca', 'random'] as const);

/** `layers="16 16"`: a network's hidden layer sizes, 1 to MAX_LAYERS of them, each 1..MAX_LAYER_SIZE. */
export const layersType: AttributeType<readonly number[]> = {
  expected: `1 to ${MAX_LAYERS} layer sizes, each an integer from 1 to ${MAX_LAYER_SIZE}, e.g. "16 16"`,
  parse(value) {
    const sizes =
      typeof value === 'string'
        ? value
            .trim()
            .split(/[\s,]+/)
            .map(Number)
        : value;
    if (!Array.isArray(sizes) || sizes.length < 1 || sizes.length > MAX_LAYERS) return undefined;
    const ok = sizes.every(
      (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_LAYER_SIZE,
    );
    return ok ? Object.freeze([...(sizes as number[])]) : undefined;
  },
};
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

/** Why `model` cannot train on `data` (the two-weight models take exactly two features), or null. */
export function featuresProblem(model: string, data: Dataset): string | null {
  const d = featureCount(data);
  if (model === 'mlp' || d === 2) return null;
  return `the ${model} model has two weights, so it needs exactly 2 features per row; this data set has ${d}. Use model="mlp" for more features.`;
}

/** The step size a model starts with unless the page sets one. */
export function defaultLearningRate(model: string): number {
  return model === 'mlp' ? NETWORK_LEARNING_RATE : getModel(model).defaultLearningRate;
}

/**
 * The run `sampler`'s settings make on `data`; a batch size above the rows is clamped to them, with
 * a warning. A network's run is planned here (the run ahead and its plane: `givenPlane`, the one set
 * through the `plane` property, when it fits); its window fits the planned path unless the page sets `extent`.
 */
export function runConfig(
  sampler: BatchSampler,
  data: Dataset,
  givenPlane: Plane | null,
): RunConfig {
  const expected = `an integer from 1 to the data's ${data.n} rows`;
  const rowsType = numberType({ fallback: 10, min: 1, max: data.n, integer: true, expected });
  const training = {
    data,
    batchSize: accept(sampler, 'batch-size', sampler.batchSize, rowsType, sampler.batchSize),
    sampling: sampler.sampling,
    seed: sampler.seed,
    optimizer: sampler.optimizer,
    learningRate: sampler.learningRate,
  };
  if (sampler.model === 'mlp') {
    const network = networkRun({
      ...training,
      layers: sampler.layers,
      activation: sampler.activation,
      plane: givenPlane ?? sampler.planeKind,
      iterations: sampler.maxIterations,
    });
    warnUnfitPlane(sampler, givenPlane, network);
    const extent = sampler.hasAttribute('extent') ? sampler.extent : network.extent;
    return {
      ...training,
      model: network.model,
      initial: network.learner.place(network.learner.start).point,
      learner: network.learner,
      network,
      grid: createGrid(extent, sampler.resolution),
    };
  }
  const model = getModel(sampler.model);
  return {
    ...training,
    model,
    initial: sampler.initialWeights ?? model.defaultWeights,
    grid: createGrid(sampler.extent, sampler.resolution),
  };
}

/** The iteration `seek(iteration)` goes to, or null (with a warning) for one it cannot. */
export function seekTarget(sampler: BatchSampler, iteration: unknown): number | null {
  const max = Math.max(sampler.maxIterations, MAX_SEEK);
  const type = numberType({ fallback: 0, min: 0, max, integer: true });
  // A value with no iteration in it warns that the sampler stays where it is, and moves nothing.
  const target = accept(sampler, 'seek()', iteration, type, sampler.iteration);
  const unusable =
    iteration !== null && iteration !== undefined && type.parse(iteration) === undefined;
  return unusable ? null : target;
}

/** The weights `pick(weights)` moves to, or null (with a warning) for a value that is not two numbers. */
export function pickTarget(sampler: BatchSampler, weights: unknown): Vec2 | null {
  return accept<Vec2 | null>(sampler, 'pick()', weights, weightsType, null);
}

/** The reset each setting's change causes, by property; the others (rate, loop…) reset nothing. */
export const resetReasons: Readonly<Record<string, ResetReason>> = {
  datasetKind: 'data',
  samples: 'data',
  seed: 'seed',
  model: 'model',
  layers: 'model',
  activation: 'model',
  planeKind: 'model',
  batchSize: 'batch-size',
  sampling: 'sampling',
  optimizer: 'optimizer',
  learningRateSetting: 'learning-rate',
  initialWeights: 'weights',
  extent: 'extent',
  resolution: 'resolution',
};

/** A Dataset object (n rows of d features, 2 when absent): what the `dataset` property takes. */
export function isDataset(value: unknown): value is Dataset {
  const data = value as Partial<Dataset> | null;
  const n = data?.n;
  const d = data?.d ?? 2;
  return (
    typeof n === 'number' &&
    Number.isInteger(n) &&
    n >= 2 &&
    Number.isInteger(d) &&
    d >= 1 &&
    data?.x instanceof Float64Array &&
    data.x.length === d * n &&
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
