// A network's per-row table on the GPU against core's fillRowTable, on this machine's software GL.
import { expect } from '@open-wc/testing';
import {
  createGrid,
  createNetwork,
  fillRowTable,
  lossGrid,
  makeDataset,
  randomPlane,
  type Activation,
  type Dataset,
  type Network,
  type Plane,
} from '@lossquake/core';
import { measureTablePace, NetworkGpuKernel } from './gpu-network-table.js';
import {
  forceTableBackend,
  gpuRowTable,
  notePoolTable,
  resetTableBackend,
  tableBackend,
  tableBackendChosen,
} from './gpu-table-backend.js';
import type { NetworkRun } from './network-plane.js';
import { NetworkTable } from './network-table.js';
import { landscapeWorkerUrl } from '../landscape-worker-url.js';
import { refusingWorkers } from '../test-helpers/workers.js';
import { landscapeTasks } from './landscape-jobs.js';
import { WorkerPool } from './worker-pool.js';

/**
 * float32 tolerance. The GPU forms each weight o + a·d1 + b·d2 and each layer's sums in float32
 * (core in float64), so the logit z is off by a few float32 roundings of Σ|w·h| (~1e−6 here), and
 * the loss softplus(±z) by at most that (its slope is below 1): relative 1e−4 of the loss, and
 * where the loss is tiny (e^−z, whose relative error is that same |Δz|) absolute 1e−7.
 */
function expectClose(actual: Float32Array, expected: Float32Array, what: string): number {
  expect(actual.length).to.equal(expected.length);
  let worst = 0;
  for (let c = 0; c < actual.length; c++) {
    const error = Math.abs(actual[c]! - expected[c]!);
    worst = Math.max(worst, error / Math.max(expected[c]!, 1e-3));
    if (error > 1e-4 * expected[c]! + 1e-7)
      expect.fail(`${what}: value ${c} is ${actual[c]}, the CPU's ${expected[c]}`);
  }
  return worst;
}

/** The data set with a third feature x1·x2 (the network's inputs 3). */
function withProduct(data: Dataset): Dataset {
  const x = new Float64Array(3 * data.n);
  for (let r = 0; r < data.n; r++) {
    x.set([data.x[2 * r]!, data.x[2 * r + 1]!, data.x[2 * r]! * data.x[2 * r + 1]!], 3 * r);
  }
  return { n: data.n, x, y: data.y, d: 3 };
}

function setting(inputs: number, activation: Activation, seed: number) {
  const moons = makeDataset('moons', { n: 60, seed });
  const data = inputs === 3 ? withProduct(moons) : moons;
  const network = createNetwork({ inputs, layers: [16, 16], activation });
  const plane = randomPlane(network, network.initialise(seed), seed + 1);
  return { data, network, plane };
}

function cpuTable(
  network: Network,
  data: Dataset,
  plane: Plane,
  size: number,
  rows: [number, number],
) {
  const grid = createGrid([-1.5, 1.5, -1, 2], size);
  const out = new Float32Array((rows[1] - rows[0]) * size * size);
  fillRowTable(network, data, plane, grid, rows[0], rows[1], out);
  return { grid, out };
}

describe('NetworkGpuKernel', () => {
  const kernel = NetworkGpuKernel.create();

  it('has WebGL2 with float render targets here (software GL)', () => {
    expect(kernel).to.not.equal(null);
  });

  it("fillRowTable equals core's fillRowTable within float32 tolerance (tanh, relu; 2 and 3 inputs; 16², 33²)", () => {
    let worst = 0;
    for (const activation of ['tanh', 'relu'] as const) {
      for (const inputs of [2, 3]) {
        const { data, network, plane } = setting(inputs, activation, 3);
        for (const size of [16, 33]) {
          // 37 rows from row 5: not a multiple of the four rows a fragment holds.
          const { grid, out } = cpuTable(network, data, plane, size, [5, 42]);
          const gpu = new Float32Array(out.length);
          expect(kernel!.fillRowTable(network, data, plane, grid, 5, 42, gpu)).to.equal(true);
          worst = Math.max(worst, expectClose(gpu, out, `${activation} ${inputs} ${size}²`));
        }
      }
    }
    // Each value met 1e-4·loss + 1e-7 above, so relative to max(loss, 1e-3) no gap exceeds 2e-4;
    // the worst measured here was 6.2e-6.
    expect(worst).to.be.at.most(2e-4);
  });

  it('fillRowTable in bands of rows gives what one call gives', () => {
    const { data, network, plane } = setting(2, 'tanh', 8);
    const grid = createGrid([-1, 1, -1, 1], 33);
    const cells = 33 * 33;
    const whole = new Float32Array(data.n * cells);
    expect(kernel!.fillRowTable(network, data, plane, grid, 0, data.n, whole)).to.equal(true);
    const banded = new Float32Array(data.n * cells);
    for (const [start, end] of [
      [0, 7],
      [7, 30],
      [30, 60],
    ] as const) {
      const band = banded.subarray(start * cells, end * cells);
      expect(kernel!.fillRowTable(network, data, plane, grid, start, end, band)).to.equal(true);
    }
    expect(Array.from(banded)).to.deep.equal(Array.from(whole));
  });

  it('answers false once its context is lost', () => {
    const other = NetworkGpuKernel.create(new OffscreenCanvas(1, 1))!;
    const { data, network, plane } = setting(2, 'relu', 2);
    const grid = createGrid([-1, 1, -1, 1], 8);
    const out = new Float32Array(4 * 64);
    expect(other.fillRowTable(network, data, plane, grid, 0, 4, out)).to.equal(true);
    other.dispose();
    expect(other.lost).to.equal(true);
    expect(other.fillRowTable(network, data, plane, grid, 0, 4, out)).to.equal(false);
  });
});

describe('table backend', () => {
  afterEach(() => resetTableBackend());

  it('gpuRowTable builds the whole table in banded draws, with progress, equal to core', async () => {
    expect(await forceTableBackend('gpu')).to.equal('gpu');
    const { data, network, plane } = setting(3, 'tanh', 5);
    const { grid, out } = cpuTable(network, data, plane, 16, [0, data.n]);
    const seen: number[] = [];
    const request = { network, data, plane, grid };
    const table = await gpuRowTable(request, { bandRows: 24, progress: (d) => seen.push(d) });
    expectClose(table!.values, out, 'banded table');
    expect(seen).to.deep.equal([0, 24 / 60, 48 / 60, 1]);
  });

  it('computes nothing on the GPU until chosen, and nothing is probed for a small table', async () => {
    const { data, network, plane } = setting(2, 'tanh', 5);
    const grid = createGrid([-1, 1, -1, 1], 16);
    const pool = new WorkerPool({ url: landscapeWorkerUrl, tasks: landscapeTasks, size: 1 });
    expect(tableBackend()).to.equal('cpu');
    notePoolTable(pool, 1e6, 20); // a 20 ms table: too short to measure, no probe
    expect(await tableBackendChosen()).to.equal('cpu');
    expect(await gpuRowTable({ network, data, plane, grid })).to.equal(null);
  });

  it('the probe runs in a worker: a fast pool keeps the CPU and the page makes no context; a slow one chooses the GPU', async () => {
    const pool = new WorkerPool({ url: landscapeWorkerUrl, tasks: landscapeTasks, size: 1 });
    const getContext = Object.getOwnPropertyDescriptor(OffscreenCanvas.prototype, 'getContext')!;
    let contexts = 0;
    Object.defineProperty(OffscreenCanvas.prototype, 'getContext', {
      ...getContext,
      value(this: OffscreenCanvas, ...args: unknown[]) {
        contexts++;
        return (getContext.value as (...a: unknown[]) => unknown).apply(this, args);
      },
    });
    try {
      notePoolTable(pool, 1e15, 1000); // a pool no GPU here beats by 1.5×
      expect(await tableBackendChosen()).to.equal('cpu');
      expect(pool.mode).to.equal('worker');
      expect(contexts).to.equal(0);
      resetTableBackend();
      notePoolTable(pool, 1e3, 1000); // a pool at one multiply-add per ms: any GPU beats it
      expect(tableBackend()).to.equal('cpu'); // not before the next frame and an idle moment
      expect(await tableBackendChosen()).to.equal('gpu');
      expect(contexts).to.equal(1); // the page's own, for the tables it now builds
    } finally {
      Object.defineProperty(OffscreenCanvas.prototype, 'getContext', getContext);
    }
  });

  it('where workers are refused, the probe runs on the page and still decides', async () => {
    await refusingWorkers(async () => {
      const pool = new WorkerPool({ url: landscapeWorkerUrl, tasks: landscapeTasks, size: 1 });
      notePoolTable(pool, 1e3, 1000);
      expect(await tableBackendChosen()).to.equal('gpu');
      expect(pool.mode).to.equal('inline');
    });
  });

  it('measureTablePace gives the pace of a real draw here: a positive number of multiply-adds per ms', () => {
    const pace = measureTablePace();
    expect(pace).to.be.a('number').and.above(0);
  });

  it('with WebGL2 lost midway or missing, a network table is built on the CPU pool without a throw', async () => {
    const pool = new WorkerPool({ url: landscapeWorkerUrl, tasks: landscapeTasks, size: 1, idleMs: 100 }); // prettier-ignore
    const { data, network, plane } = setting(2, 'relu', 6);
    const { grid, out } = cpuTable(network, data, plane, 16, [0, data.n]);
    const build = async () => {
      const failed: string[] = [];
      const table = new NetworkTable({ network, plane } as NetworkRun, data, grid, pool, {
        changed() {},
        progress() {},
        failed: (message) => failed.push(message),
      });
      const model = await table.ready;
      expect(failed).to.deep.equal([]);
      // The pool's table is core's own: row 7's landscape is its table row, exactly.
      const row = lossGrid(model!, data, [7], grid).values;
      expect(Array.from(row)).to.deep.equal(Array.from(out.subarray(7 * 256, 8 * 256)));
    };
    // Chosen, then the context lost on the way: the kernel answers false from its first draw.
    expect(await forceTableBackend('gpu')).to.equal('gpu');
    const fill = Object.getOwnPropertyDescriptor(NetworkGpuKernel.prototype, 'fillRowTable')!;
    Object.defineProperty(NetworkGpuKernel.prototype, 'fillRowTable', { ...fill, value: () => false }); // prettier-ignore
    try {
      await build();
    } finally {
      Object.defineProperty(NetworkGpuKernel.prototype, 'fillRowTable', fill);
    }
    // No WebGL2 at all: forcing the GPU answers 'cpu'.
    resetTableBackend();
    const getContext = Object.getOwnPropertyDescriptor(OffscreenCanvas.prototype, 'getContext')!;
    Object.defineProperty(OffscreenCanvas.prototype, 'getContext', { ...getContext, value: () => null }); // prettier-ignore
    try {
      expect(await forceTableBackend('gpu')).to.equal('cpu');
      await build();
    } finally {
      Object.defineProperty(OffscreenCanvas.prototype, 'getContext', getContext);
    }
  });
});
