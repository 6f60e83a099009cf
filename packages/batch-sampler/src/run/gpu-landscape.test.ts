// Choosing where landscapes are computed, and the sampler's run using the GPU where it is chosen.
import { expect } from '@open-wc/testing';
import { createGrid, logistic, lossGrid, makeDataset, type Landscape } from '@lossquake/core';
import {
  chooseLandscapeBackend,
  crossoverWork,
  forceLandscapeBackend,
  gpuLossGrid,
  landscapeBackend,
  resetLandscapeBackend,
} from './gpu-landscape.js';
import { afterFrameWhenIdle } from './gpu-idle.js';
import { LogisticGpuKernel } from './gpu-kernel.js';
import {
  forceLandscapeBackend as forceThroughSampler,
  gpuLossGrid as gpuLossGridThroughSampler,
} from './landscape-backend.js';
import { landscapePool } from './landscape-service.js';
import { countingTasks } from '../test-helpers/workers.js';
import { TrainingRun } from './training-run.js';
import type { WorkerPool } from './worker-pool.js';

const data = makeDataset('blobs', { n: 2000, seed: 4 });
const grid = createGrid([-20, 20, -20, 20], 64);

/** Runs `body` with `target.name` replaced by `value`, then puts it back. */
async function stubbed<T extends object>(
  target: T,
  name: keyof T,
  value: unknown,
  body: () => Promise<void>,
): Promise<void> {
  const original = Object.getOwnPropertyDescriptor(target, name)!;
  Object.defineProperty(target, name, { ...original, value });
  try {
    await body();
  } finally {
    Object.defineProperty(target, name, original);
  }
}

/** A pool whose workers are refused (a page's policy): the probe then runs on the page itself. */
const refused: Pick<WorkerPool, 'run'> = {
  run: () => Promise.reject(new Error('workers are refused here')),
};

describe('landscape backend', () => {
  afterEach(() => resetLandscapeBackend());

  it('falls back to the CPU where WebGL2 is missing (getContext answers null)', async () => {
    const none = () => null;
    await stubbed(OffscreenCanvas.prototype, 'getContext', none, () =>
      stubbed(HTMLCanvasElement.prototype, 'getContext', none, async () => {
        expect(await chooseLandscapeBackend(refused)).to.equal('cpu');
        expect(await forceLandscapeBackend('gpu')).to.equal('cpu');
        expect(gpuLossGrid(logistic, data, [1, 2, 3], grid)).to.equal(null);
      }),
    );
  });

  it('falls back to the CPU where float render targets are missing', async () => {
    const original = Object.getOwnPropertyDescriptor(
      WebGL2RenderingContext.prototype,
      'getExtension',
    )!.value as (this: WebGL2RenderingContext, name: string) => unknown;
    function getExtension(this: WebGL2RenderingContext, name: string): unknown {
      return name === 'EXT_color_buffer_float' ? null : original.call(this, name);
    }
    await stubbed(WebGL2RenderingContext.prototype, 'getExtension', getExtension, async () => {
      expect(await forceLandscapeBackend('gpu')).to.equal('cpu');
      expect(landscapeBackend()).to.equal('cpu');
    });
  });

  it('chooses one path by measurement in a worker, and computes on the CPU until then', async () => {
    expect(landscapeBackend()).to.equal('cpu');
    expect(gpuLossGrid(logistic, data, [1, 2, 3], grid)).to.equal(null);
    let created = 0;
    const create = LogisticGpuKernel.create.bind(LogisticGpuKernel);
    const counting = (...args: Parameters<typeof create>) => (created++, create(...args));
    await stubbed(LogisticGpuKernel, 'create', counting, async () => {
      const chosen = await chooseLandscapeBackend();
      expect(['cpu', 'gpu']).to.include(chosen);
      expect(landscapeBackend()).to.equal(chosen);
      expect(landscapePool().mode).to.equal('worker');
      // The page makes a context only for the GPU it chose: none where the CPU won.
      expect(created).to.equal(chosen === 'gpu' ? 1 : 0);
    });
  });

  it('the sampler asks for no measurement for small work, and for large work only after a frame', async () => {
    await countingTasks(landscapePool(), 'gpu-landscape-pace', async (probes) => {
      // A batch of 10 at 64² (the figure's): no probe, ever.
      expect(gpuLossGridThroughSampler(logistic, data, Uint32Array.from({ length: 10 }, (_, k) => k), grid)).to.equal(null); // prettier-ignore
      await afterFrameWhenIdle();
      await afterFrameWhenIdle();
      expect(probes()).to.equal(0);
      // 400 rows at 64² (1.6e6 evaluations): measured, but not before the next frame.
      const large = Uint32Array.from({ length: 400 }, (_, k) => k);
      expect(gpuLossGridThroughSampler(logistic, data, large, grid)).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve));
      expect(probes()).to.equal(0);
      await chooseLandscapeBackend();
      expect(probes()).to.equal(1);
    });
  });

  it('leaves work the CPU does quicker on the CPU, wherever the GPU was chosen', async () => {
    // The probe's timings set the crossover: the CPU's time grows with the work, the GPU's round trip does not.
    expect(crossoverWork({ cpuMs: 2, gpuMs: 0.5, work: 409_600 })).to.equal(102_400);
    expect(crossoverWork({ cpuMs: 0, gpuMs: 0.5, work: 409_600 })).to.equal(0);
    // A GPU whose every landscape takes a 0.15 ms round trip, whatever the work: it wins the probe
    // (a batch of 100 at 64², about 1 ms on the CPU) but not one row (4096 evaluations, microseconds).
    function logisticRoundTrip(_data: unknown, _rows: unknown, g: { size: number }) {
      const until = performance.now() + 0.15;
      while (performance.now() < until);
      return new Float32Array(g.size * g.size);
    }
    await stubbed(LogisticGpuKernel.prototype, 'logistic', logisticRoundTrip, async () => {
      // Measured on the page (no workers), where the stub is.
      expect(await chooseLandscapeBackend(refused)).to.equal('gpu');
      expect(
        gpuLossGrid(
          logistic,
          data,
          Uint32Array.from({ length: 400 }, (_, k) => k),
          grid,
        ),
      ).to.not.equal(null);
      expect(gpuLossGrid(logistic, data, [1], grid)).to.equal(null);
    });
  });

  it('with the GPU in use, a run shows a large batch at once, equal to lossGrid', async () => {
    // Through the sampler's side (landscape-backend.ts), which loads this module for the run.
    expect(await forceThroughSampler('gpu')).to.equal('gpu');
    const shown: Landscape[] = [];
    const run = new TrainingRun({ batch: ({ landscape }) => shown.push(landscape) });
    // 500 rows × 64² cells is past SYNC_WORK: on the CPU it would wait for a worker.
    const config = {
      model: logistic,
      data,
      batchSize: 500,
      sampling: 'epoch' as const,
      seed: 6,
      optimizer: 'sgd' as const,
      learningRate: 0.5,
      initial: [15, 15] as const,
      grid,
    };
    run.configure(config, { reason: null, newData: true });
    run.attach();
    expect(run.fullLandscape).to.not.equal(null); // computed at once on the GPU, not in a worker
    const full = lossGrid(logistic, data, 'all', grid).values;
    run.fullLandscape!.values.forEach((value, c) =>
      expect(Math.abs(value - full[c]!)).to.be.at.most(1e-5 * full[c]!),
    );
    expect(run.beat()).to.equal(null); // no promise: shown at once
    const rows = run.batch!.rows;
    const cpu = lossGrid(logistic, data, rows, grid).values;
    shown[0]!.values.forEach((value, c) =>
      expect(Math.abs(value - cpu[c]!)).to.be.at.most(1e-5 * cpu[c]!),
    );
    run.detach();
  });
});
