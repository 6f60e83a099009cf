// lossquake: every lossquake element and its API from one module. Importing it registers
// <batch-sampler>, <loss-surface> and <loss-contour> (each define is guarded, so a second copy is harmless).
export * from '@lossquake/batch-sampler';
export * from '@lossquake/loss-surface';
export * from '@lossquake/loss-contour';
// Both views name their landscape modes; the contour's is the superset (it adds 'variance').
export { type LandscapeMode } from '@lossquake/loss-contour';
