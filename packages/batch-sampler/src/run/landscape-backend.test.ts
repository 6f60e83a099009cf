// The sampler's side of the GPU path: its code is loaded, and measured, only for work past PROBE_WORK.
// A file of its own: each test file gets a fresh page, so nothing else has loaded the GPU code yet.
import { expect } from '@open-wc/testing';
import { createGrid, logistic, makeDataset } from '@lossquake/core';
import { afterFrameWhenIdle } from './gpu-idle.js';
import { gpuLossGrid, landscapeBackend, PROBE_WORK } from './landscape-backend.js';
import { landscapePool } from './landscape-service.js';
import { countingTasks } from '../test-helpers/workers.js';

const data = makeDataset('blobs', { n: 1000, seed: 4 });
const grid = createGrid([-20, 20, -20, 20], 64);
const rows = (n: number) => Uint32Array.from({ length: n }, (_, k) => k);
const fetchedGpuCode = () =>
  performance.getEntriesByType('resource').some((entry) => /gpu-landscape\./.test(entry.name));

async function until(condition: () => boolean, what: string): Promise<void> {
  const end = performance.now() + 10_000;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await afterFrameWhenIdle();
  }
}

describe('<batch-sampler> GPU landscape code, on demand', () => {
  it('small work never fetches or measures; large work fetches the code, which measures once', async () => {
    // The probe is asked of the page's pool (it measures in a worker): counted there.
    await countingTasks(landscapePool(), 'gpu-landscape-pace', async (probes) => {
      // The figure's batches of 10 at 64² (41 000 evaluations, far under PROBE_WORK).
      expect(10 * 64 ** 2).to.be.below(PROBE_WORK);
      for (let k = 0; k < 5; k++)
        expect(gpuLossGrid(logistic, data, rows(10), grid)).to.equal(null);
      await afterFrameWhenIdle();
      await afterFrameWhenIdle();
      expect(fetchedGpuCode(), 'GPU code fetched').to.equal(false);
      expect(probes()).to.equal(0);
      expect(landscapeBackend()).to.equal('cpu');

      // 400 rows at 64² (1.6e6): the CPU computes this one, and the code loads and measures.
      expect(400 * 64 ** 2).to.be.at.least(PROBE_WORK);
      expect(gpuLossGrid(logistic, data, rows(400), grid)).to.equal(null);
      await until(fetchedGpuCode, 'the GPU code to be fetched');
      // The next large landscape asks the loaded code, whose measurement runs after a frame, once.
      await until(
        () => (gpuLossGrid(logistic, data, rows(400), grid), probes() > 0),
        'the measurement',
      );
      await afterFrameWhenIdle();
      gpuLossGrid(logistic, data, rows(400), grid);
      expect(probes()).to.equal(1);
    });
  });
});
