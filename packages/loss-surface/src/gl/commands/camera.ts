// The camera as a regl scope (regl's example/util/camera.js): the view-projection matrix and the
// viewport, set once per frame for every command drawn inside it (panes, surface, wireframe, trail,
// marker), so no command carries them in its own props.
import type { Regl, DrawCommand } from 'regl';

export interface CameraProps {
  viewProjection: Float32Array;
  viewport: { x: number; y: number; width: number; height: number };
}

export function createCameraScope(regl: Regl): DrawCommand {
  return regl({
    uniforms: { viewProjection: regl.prop<CameraProps, 'viewProjection'>('viewProjection') },
    viewport: regl.prop<CameraProps, 'viewport'>('viewport'),
  });
}
