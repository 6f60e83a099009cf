import { expect } from '@open-wc/testing';
import { createGrid, logistic, lossGrid, makeDataset, perSampleVariance } from '@lossquake/core';
import { landscapeWorkerUrl } from '../landscape-worker-url.js';
import { landscapeTasks } from './landscape-jobs.js';
import { LandscapeService } from './landscape-service.js';
import { WorkerPool } from './worker-pool.js';
import { refusingWorkers } from '../test-helpers/workers.js';

const data = makeDataset('moons', { n: 500, seed: 3 });
const grid = createGrid([-10, 10, -10, 10], 32);

function expectClose(actual: Float32Array, expected: Float32Array, relative: number): void {
  expect(actual.length).to.equal(expected.length);
  for (let c = 0; c < actual.length; c++) {
    expect(Math.abs(actual[c]! - expected[c]!)).to.be.at.most(
      relative * Math.max(1, Math.abs(expected[c]!)),
    );
  }
}

describe('LandscapeService', () => {
  it('computes in a module worker, equal to lossGrid and perSampleVariance, answering in order', async () => {
    const service = new LandscapeService();
    const rows = Uint32Array.from({ length: 200 }, (_, i) => (i * 7) % 500);
    const order: string[] = [];
    const [full, batch] = await Promise.all([
      service.full('logistic', data, grid).then((r) => (order.push('full'), r)),
      service.batch('logistic', data, rows, grid).then((r) => (order.push('batch'), r)),
    ]);
    expect(service.mode).to.equal('worker');
    expect(order).to.deep.equal(['full', 'batch']);
    expect(full!.full.values).to.deep.equal(lossGrid(logistic, data, 'all', grid).values);
    expect(full!.sigma2.values).to.deep.equal(perSampleVariance(logistic, data, grid).values);
    expect(batch!.values).to.deep.equal(lossGrid(logistic, data, rows, grid).values);
    service.destroy();
  });

  it('falls back to the main thread, in slices, where workers are refused (CSP)', async () => {
    await refusingWorkers(async () => {
      // A pool of its own: the page's shared one already has workers from the test above.
      const pool = new WorkerPool({ url: landscapeWorkerUrl, tasks: landscapeTasks });
      const service = new LandscapeService(pool);
      const full = await service.full('logistic', data, grid);
      expect(service.mode).to.equal('inline');
      expectClose(full!.full.values, lossGrid(logistic, data, 'all', grid).values, 1e-6);
      expectClose(full!.sigma2.values, perSampleVariance(logistic, data, grid).values, 1e-5);
    });
  });

  it('cancel() drops what is pending: it resolves to null', async () => {
    const service = new LandscapeService();
    const dropped = service.full('logistic', data, grid);
    service.cancel();
    expect(await dropped).to.equal(null);
  });
});
