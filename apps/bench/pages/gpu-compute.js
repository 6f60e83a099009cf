// GPU compute against the CPU (issue 16): one batch landscape of the seed's workload (blobs,
// logistic, [-20, 20]²) by core's lossGrid and by the sampler's WebGL2 kernel (rows in a float
// texture, one fragment per four cells, read back with readPixels), each timed from the rows to the
// Float32Array in hand. Both are warmed first (the JIT; the shader's compile). The start-up choice
// the sampler makes from the same two timings at 64² × 100 is reported beside them.
// With `table=N`: a network's per-row table instead (spirals, N rows, 2-16-16-1 tanh, a random
// plane over [−1, 1]²) by core's fillRowTable on one core, on a pool of workers in bands (as the
// sampler's table-jobs.ts), and by the WebGL2 table kernel.
import { LogisticGpuKernel } from '/packages/batch-sampler/dist/run/gpu-kernel.js';
import { NetworkGpuKernel } from '/packages/batch-sampler/dist/run/gpu-network-table.js';
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

/** A module worker that fills bands of a table with core's fillRowTable (the sampler's pool task). */
function tableWorker() {
  const source = `import * as core from '${location.origin}/packages/core/dist/index.js';
let setting = null;
onmessage = ({ data: { options, n, size, seed, rowStart, rowEnd } }) => {
  const { network, data, plane, grid } = (setting ??= build(options, n, size, seed));
  const out = new Float32Array((rowEnd - rowStart) * size * size);
  core.fillRowTable(network, data, plane, grid, rowStart, rowEnd, out);
  postMessage(out, [out.buffer]);
};
${tableSetting.toString()}
function build(options, n, size, seed) { return tableSetting(core, options, n, size, seed); }`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url, { type: 'module' });
}

function tableSetting(core, options, n, size, seed) {
  const network = core.createNetwork(options);
  const plane = core.randomPlane(network, network.initialise(seed), seed + 1);
  const data = core.makeDataset('spirals', { n, seed });
  const grid = core.createGrid([-1, 1, -1, 1], size);
  return { network, data, plane, grid };
}

/** The table in 8 bands per worker, each to whichever worker is free (table-jobs.ts's scheme). */
async function poolTable(workers, job) {
  const bands = Math.min(job.n, workers.length * 8);
  const values = new Float32Array(job.n * job.size * job.size);
  let next = 0;
  await Promise.all(
    workers.map(async (worker) => {
      while (next < bands) {
        const k = next++;
        const rowStart = Math.floor((k * job.n) / bands);
        const rowEnd = Math.floor(((k + 1) * job.n) / bands);
        const band = await new Promise((resolve) => {
          worker.onmessage = (event) => resolve(event.data);
          worker.postMessage({ ...job, rowStart, rowEnd });
        });
        values.set(band, rowStart * job.size * job.size);
      }
    }),
  );
  return values;
}

async function timeAsync(run, count, budget) {
  await run();
  const samples = [];
  const start = performance.now();
  for (let k = 0; k < count && (k < 2 || performance.now() - start < budget); k++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

async function networkTable(resolution, rows, count, budget) {
  const options = { inputs: 2, layers: [16, 16], activation: 'tanh' };
  const { network, data, plane, grid } = tableSetting(core, options, rows, resolution, 1);
  const cells = resolution ** 2;
  const cpuValues = new Float32Array(rows * cells);
  const cpu = time(() => core.fillRowTable(network, data, plane, grid, 0, rows, cpuValues), count, budget); // prettier-ignore
  const cores = Math.min(navigator.hardwareConcurrency || 2, 4);
  const workers = Array.from({ length: cores }, tableWorker);
  const job = { options, n: rows, size: resolution, seed: 1 };
  const pool = await timeAsync(() => poolTable(workers, job), count, budget);
  for (const worker of workers) worker.terminate();
  const kernel = NetworkGpuKernel.create();
  const base = { table: rows, resolution, parameters: network.size, cores, cpu, pool };
  if (!kernel) return { ...base, gpu: null, renderer: renderer() };
  const gpuValues = new Float32Array(rows * cells);
  const gpu = time(() => kernel.fillRowTable(network, data, plane, grid, 0, rows, gpuValues), count, budget); // prettier-ignore
  // The worst gap to core, relative to the loss (absolute below 1e-3, where losses are e^−z).
  let gap = 0;
  for (let c = 0; c < cpuValues.length; c++)
    gap = Math.max(gap, Math.abs(gpuValues[c] - cpuValues[c]) / Math.max(cpuValues[c], 1e-3));
  return { ...base, gpu, gap, renderer: renderer() };
}

finish(async () => {
  const tableRows = param('table', 0);
  if (tableRows > 0)
    return networkTable(param('res', 64), tableRows, param('count', 5), param('budget', 8000));
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
