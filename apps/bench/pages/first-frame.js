// First frame: from adding the element (or calling Plotly.newPlot) to the end of the first animation
// frame in which the chart was drawn. The landscape is computed before the clock starts (the element
// is handed a ready landscape); the script's own load and evaluation is reported apart (loadMs).
// "Drawn" is seen from outside, the same way for both libraries: WebGL draw calls, 2-D canvas
// fills, or filled SVG paths in the page (shadow roots included) since the clock started.
import { endOfNextFrame, finish, loadAdapter, param, settle, stage, workload } from './harness.js';

function countDraws() {
  const counts = { gl: 0, canvas: 0 };
  const wrap = (proto, names, key) => {
    for (const name of names) {
      const original = proto?.[name];
      if (typeof original !== 'function') continue;
      proto[name] = function (...args) {
        counts[key]++;
        return original.apply(this, args);
      };
    }
  };
  const glDraws = ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced'];
  wrap(globalThis.WebGLRenderingContext?.prototype, glDraws, 'gl');
  wrap(globalThis.WebGL2RenderingContext?.prototype, glDraws, 'gl');
  wrap(
    CanvasRenderingContext2D.prototype,
    ['fill', 'fillRect', 'putImageData', 'drawImage'],
    'canvas',
  );
  return counts;
}

function filledPaths(root) {
  let count = 0;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) count += filledPaths(el.shadowRoot);
    if (el.localName === 'path' && (el.getAttribute('d') ?? '').length > 10) count++;
  }
  return count;
}

finish(async () => {
  const lib = param('lib', 'ours');
  const view = param('view', 'surface');
  const resolution = param('res', 64);
  const { adapter, loadMs } = await loadAdapter(lib);
  const work = workload({ resolution, batchSize: param('batch', 10) });
  const landscape = work.landscape(work.nextRows());
  const draws = countDraws();
  const box = stage();
  await settle(5, 100);

  const drawn = () =>
    view === 'surface' ? draws.gl > 0 : draws.gl + draws.canvas > 0 || filledPaths(box) > 0;
  const t0 = performance.now();
  await adapter.mount(box, view, landscape, { transition: 0 });
  let frames = 0;
  let end;
  do {
    end = await endOfNextFrame();
    frames++;
  } while (!drawn() && frames < 600);
  if (!drawn()) throw new Error('no draw seen within 600 frames');
  return {
    lib,
    view,
    resolution,
    firstFrame: Math.round((end - t0) * 100) / 100,
    frames,
    loadMs,
    draws,
  };
});
