// @lossquake/loss-surface: the <loss-surface> element and the plain modules behind it.
export { LossSurface, type LandscapeMode } from './loss-surface.component.js';
import './loss-surface.js';
export {
  cameraMatrices,
  project,
  wrapAzimuth,
  DEFAULT_CAMERA,
  type CameraState,
  type CameraMatrices,
} from './camera.js';
export {
  activeFrameLoops,
  registeredSurfaces,
  createdContexts,
  sharedStatus,
} from './shared-gl.js';
