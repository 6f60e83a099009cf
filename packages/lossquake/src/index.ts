// lossquake: every lossquake element and its API from one module. Importing it registers
// <batch-sampler>, <loss-surface> and <loss-contour> (each define is guarded, so a second copy is harmless).
export * from '@lossquake/batch-sampler';
export * from '@lossquake/loss-surface';
export * from '@lossquake/loss-contour';
// Both views ship their own copy of the `src` frames reader; name one so the star exports stay unambiguous.
export { FramesError, parseFrames, type LandscapeMode } from '@lossquake/loss-surface';
