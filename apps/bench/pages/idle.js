// The page with nothing to do: the idle rAF interval (does headless rAF tick, and how fast?), and
// which WebGL renderer this Chromium uses.
import { finish, recordFrames, stats } from './harness.js';

function renderer() {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return { renderer: 'no WebGL', vendor: '' };
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const result = {
    renderer: info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
    vendor: info ? gl.getParameter(info.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR),
  };
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return result;
}

finish(async () => {
  const gl = renderer();
  const frames = recordFrames();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const { intervals, work } = frames.stop();
  return {
    ...gl,
    userAgent: navigator.userAgent,
    interval: stats(intervals),
    frameWork: stats(work),
  };
});
