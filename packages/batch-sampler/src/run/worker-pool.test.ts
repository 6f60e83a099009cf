import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createGrid, logistic, lossGrid, makeDataset, type Landscape } from '@lossquake/core';
import '../batch-sampler.js';
import type { BatchSampler } from '../batch-sampler.js';
import { landscapeWorkerUrl } from '../landscape-worker-url.js';
import { landscapeTasks, type BatchLandscapeMessage } from './landscape-jobs.js';
import { LandscapeService, landscapePool } from './landscape-service.js';
import { WorkerPool } from './worker-pool.js';

const data = makeDataset('moons', { n: 600, seed: 5 });
const grid = createGrid([-10, 10, -10, 10], 32);

/** Counts the Workers made and stopped while it is on (the pool reads the global when it starts one). */
function spyOnWorkers() {
  const Original = globalThis.Worker;
  const spy = { made: 0, stopped: 0, restore: () => (globalThis.Worker = Original) };
  globalThis.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      spy.made++;
    }
    override terminate(): void {
      spy.stopped++;
      super.terminate();
    }
  };
  return spy;
}

const batchMessage = (rows: Uint32Array): BatchLandscapeMessage => ({
  task: 'landscape-batch',
  model: 'logistic',
  data,
  rows,
  grid,
});

const rowsOf = (k: number) => Uint32Array.from({ length: 150 }, (_, i) => (i * 7 + k * 13) % 600);

describe('WorkerPool', () => {
  it('run() spreads requests over at most `size` workers, each answer equal to lossGrid', async () => {
    const spy = spyOnWorkers();
    try {
      const pool = new WorkerPool({ url: landscapeWorkerUrl, tasks: landscapeTasks, size: 2 });
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, k) => pool.run<Landscape>(batchMessage(rowsOf(k)))),
      );
      expect(spy.made).to.equal(2);
      expect(pool.mode).to.equal('worker');
      answers.forEach((landscape, k) =>
        expect(landscape.values).to.deep.equal(lossGrid(logistic, data, rowsOf(k), grid).values),
      );
    } finally {
      spy.restore();
    }
  });

  it('stops its workers once idle, and starts one again for new work', async () => {
    const spy = spyOnWorkers();
    try {
      const pool = new WorkerPool({
        url: landscapeWorkerUrl,
        tasks: landscapeTasks,
        size: 2,
        idleMs: 50,
      });
      await Promise.all([pool.run(batchMessage(rowsOf(0))), pool.run(batchMessage(rowsOf(1)))]);
      expect(pool.workers).to.equal(2);
      await waitUntil(() => pool.workers === 0, 'idle workers stopped', { timeout: 5000 });
      expect(spy.stopped).to.equal(2);
      const again = await pool.run<Landscape>(batchMessage(rowsOf(2)));
      expect(again.values).to.deep.equal(lossGrid(logistic, data, rowsOf(2), grid).values);
      expect(spy.made).to.equal(3);
    } finally {
      spy.restore();
    }
  });

  it('an aborted request rejects, never resolves, and the pool answers the next one', async () => {
    const pool = new WorkerPool({ url: landscapeWorkerUrl, tasks: landscapeTasks, size: 1 });
    const busy = new AbortController();
    const queued = new AbortController();
    const running = pool.run(batchMessage(rowsOf(0)), [], { signal: busy.signal });
    const waiting = pool.run(batchMessage(rowsOf(1)), [], { signal: queued.signal });
    const next = pool.run<Landscape>(batchMessage(rowsOf(2)));
    busy.abort();
    queued.abort();
    const settled = await Promise.allSettled([running, waiting]);
    expect(settled.map((s) => s.status)).to.deep.equal(['rejected', 'rejected']);
    expect((await next).values).to.deep.equal(lossGrid(logistic, data, rowsOf(2), grid).values);
  });

  it('a cancelled LandscapeService request gives null, even when its worker already answered', async () => {
    const service = new LandscapeService(
      new WorkerPool({ url: landscapeWorkerUrl, tasks: landscapeTasks, size: 2 }),
    );
    // The slow first request holds the second's answer back (answers keep their order).
    const slow = service.full('logistic', makeDataset('blobs', { n: 20000, seed: 2 }), grid);
    const quick = service.batch('logistic', data, rowsOf(0), grid);
    await aTimeout(50);
    service.cancel();
    expect(await slow).to.equal(null);
    expect(await quick).to.equal(null);
  });
});

describe('<batch-sampler> shares the page worker pool', () => {
  it('20 samplers with large landscapes start at most pool-size workers, each landscape right', async () => {
    const spy = spyOnWorkers();
    try {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          ${Array.from(
            { length: 20 },
            (_, i) =>
              html`<batch-sampler seed=${i + 1} samples="600" resolution="40"></batch-sampler>`,
          )}
        </div>
      `);
      const samplers = [...wrapper.querySelectorAll<BatchSampler>('batch-sampler')];
      const fulls = await Promise.all(samplers.map((s) => s.fullLandscapeReady()));
      expect(spy.made).to.be.within(1, landscapePool().size);
      const at = createGrid([-20, 20, -20, 20], 40);
      fulls.forEach((full, i) => {
        const expected = lossGrid(
          logistic,
          makeDataset('blobs', { n: 600, seed: i + 1 }),
          'all',
          at,
        );
        expect(full.values, `sampler ${i}`).to.deep.equal(expected.values);
      });
    } finally {
      spy.restore();
    }
  });
});
