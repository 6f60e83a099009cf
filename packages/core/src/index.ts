// @lossquake/core: the maths of lossquake. Data, models, landscapes, schedules, optimisers, quakes.

export type { Dataset, Grid, Landscape, Rows, Sampling, Vec2 } from './types.js';
export { DatasetError } from './errors.js';
export { createRandom, deriveSeed, type Random, type RandomState } from './random.js';
export {
  makeDataset,
  checkRowCount,
  datasetKinds,
  MAX_ROWS,
  MIN_ROWS,
  type DatasetKind,
  type DatasetOptions,
} from './dataset.js';
export { parseDataset, checkDataset, MAX_FEATURE, type DatasetFormat } from './parse.js';
export { createGrid, checkGrid, gridCoordinate, gridWeights, MAX_GRID_SIZE } from './grid.js';
export type { Model } from './model.js';
export { softplus, sigmoid } from './softplus.js';
export { logistic } from './models/logistic.js';
export { models, getModel } from './models/registry.js';
export { resolveRows } from './rows.js';
export {
  lossGrid,
  lossGridReference,
  accumulateLossGrid,
  createLandscape,
  MAX_LOSS,
  batchLoss,
  batchGradient,
  type LossGridOptions,
} from './landscape.js';
export {
  createSchedule,
  type Schedule,
  type ScheduleOptions,
  type ScheduleState,
  type ScheduledBatch,
} from './schedule.js';
export {
  createOptimizer,
  optimizerKinds,
  type Optimizer,
  type OptimizerKind,
  type OptimizerOptions,
  type OptimizerState,
} from './optimizer.js';
export { quakeMagnitude, varianceMap } from './quake.js';
export { createVarianceAccumulator, type VarianceAccumulator } from './variance-accumulator.js';
export {
  batchMeanVariance,
  perSampleVariance,
  perSampleVarianceJob,
  theoreticalQuake,
} from './theory.js';
export { parseFrames, checkLandscape, FramesError, MAX_FRAMES_SIZE } from './frames.js';
export {
  sameGrid,
  lossAt,
  minimumOf,
  valueRange,
  landscapeRange,
  ease,
  lerpRange,
} from './lookup.js';
export { featureCount } from './dataset.js';
export {
  createVectorOptimizer,
  type VectorOptimizer,
  type VectorOptimizerState,
} from './optimizer.js';
export {
  createNetwork,
  networkLayout,
  activations,
  MAX_LAYER_SIZE,
  MAX_LAYERS,
  type Activation,
  type Network,
  type NetworkOptions,
  type ParameterBlock,
} from './network/mlp.js';
export {
  identityPlane,
  pcaPlane,
  randomPlane,
  planePoint,
  project,
  type Plane,
  type Projection,
} from './network/plane.js';
export {
  fillRowTable,
  createRowTable,
  tableLandscape,
  tableBytes,
  MAX_TABLE_BYTES,
  type RowTable,
} from './network/row-table.js';
export { planeModel, NETWORK_LEARNING_RATE } from './network/plane-model.js';
export { stepNetwork, trainPath, type TrainPathOptions } from './network/train.js';
