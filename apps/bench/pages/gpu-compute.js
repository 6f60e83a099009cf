// GPU compute against the CPU (issue 16): one batch landscape of the seed's workload (blobs,
// logistic, [-20, 20]²) by core's lossGrid and by the sampler's WebGL2 kernel (rows in a float
// texture, one fragment per four cells, read back with readPixels), each timed from the rows to the
// Float32Array in hand. Both are warmed first (the JIT; the shader's compile). The start-up choice
// the sampler makes from the same two timings at 64² × 100 is reported beside them.
import { LogisticGpuKernel } from '/packages/batch-sampler/dist/run/gpu-kernel.js';
import { core, finish, param, stats, workload } from './harness.js';

/** Times `run` up to `count` times, fewer once `budget` ms have passed (after at least 3). */
function time(run, count, budget) {
  run();
  const samples = [];
  const start = performance.now();
  for (let k = 0; k < count && (k < 3 || performance.now() - start < budget); k++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

function renderer() {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  return info
    ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL)
    : (gl?.getParameter(gl.RENDERER) ?? null);
}

finish(async () => {
  const resolution = param('res', 64);
  const batchSize = param('batch', 100);
  const count = param('count', 20);
  const budget = param('budget', 4000);
  const work = workload({ resolution, batchSize });
  const rows = work.nextRows();
  const kernel = LogisticGpuKernel.create();
  const cpu = time(() => core.lossGrid(core.logistic, work.data, rows, work.grid), count, budget);
  if (!kernel) return { resolution, batchSize, cpu, gpu: null, renderer: renderer() };
  const gpu = time(() => kernel.logistic(work.data, rows, work.grid), count, budget);
  // The two answers agree (the kernel's own tests hold it to 1e-5); the worst relative gap here.
  const a = core.lossGrid(core.logistic, work.data, rows, work.grid).values;
  const b = kernel.logistic(work.data, rows, work.grid);
  let gap = 0;
  for (let c = 0; c < a.length; c++) gap = Math.max(gap, Math.abs(a[c] - b[c]) / a[c]);
  return { resolution, batchSize, cpu, gpu, gap, renderer: renderer() };
});
