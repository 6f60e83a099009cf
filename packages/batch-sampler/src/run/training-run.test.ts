// TrainingRun driven without an element: its beats, payloads, seeks and resets.
import { expect } from '@open-wc/testing';
import {
  batchGradient,
  batchLoss,
  createGrid,
  createSchedule,
  logistic,
  lossGrid,
  makeDataset,
  type Landscape,
  type Vec2,
} from '@lossquake/core';
import type { BatchChangeDetail, ResetReason, WeightsChangeDetail } from '@lossquake/kit';
import { LandscapeService } from './landscape-service.js';
import { TrainingRun, type RunConfig } from './training-run.js';

const data = makeDataset('blobs', { n: 200, seed: 4 });
const grid = createGrid([-20, 20, -20, 20], 12);
const config = (overrides: Partial<RunConfig> = {}): RunConfig => ({
  model: logistic,
  data,
  batchSize: 10,
  sampling: 'epoch',
  seed: 6,
  optimizer: 'momentum',
  learningRate: 0.5,
  initial: [15, 15],
  grid,
  ...overrides,
});

type Told =
  | ['batch', BatchChangeDetail]
  | ['weights', WeightsChangeDetail]
  | ['reset', ResetReason]
  | ['full', Landscape];

/** A run configured with `config`, attached, and the log of everything it tells. */
function runWith(settings = config()) {
  const told: Told[] = [];
  const run = new TrainingRun({
    batch: (detail) => told.push(['batch', detail]),
    weights: (detail) => told.push(['weights', detail]),
    reset: (reason) => told.push(['reset', reason]),
    full: (landscape) => told.push(['full', landscape]),
  });
  run.configure(settings, { reason: null, newData: true });
  run.attach();
  const kinds = () => told.map(([kind]) => kind);
  const take = () => told.splice(0);
  return { run, told, kinds, take };
}

/**
 * A run of batches of 1000 rows on 40² cells (1.6 M evaluations each, past SYNC_WORK: computed in a
 * worker) on the real landscape service, with every batch asked of it written down.
 */
function workerRun() {
  const data = makeDataset('blobs', { n: 2000, seed: 1 });
  const grid = createGrid([-20, 20, -20, 20], 40);
  const asked: { rows: number[]; answer: Promise<Landscape | null> }[] = [];
  const service = new LandscapeService();
  const batch = service.batch.bind(service);
  service.batch = (model, rowsData, rows, on) => {
    const answer = batch(model, rowsData, rows, on);
    asked.push({ rows: [...rows], answer });
    return answer;
  };
  const told: BatchChangeDetail[] = [];
  const run = new TrainingRun({ batch: (detail) => told.push(detail) }, service);
  const settings = config({ data, batchSize: 1000, grid });
  run.configure(settings, { reason: null, newData: true });
  run.attach();
  return { data, grid, settings, asked, told, run };
}

describe('TrainingRun', () => {
  it('step() tells the batch, then its step; payloads match core computed independently', async () => {
    const { run, take } = runWith(config({ optimizer: 'sgd' }));
    take(); // the full landscape, told on attach
    const schedule = createSchedule(200, 10, { sampling: 'epoch', seed: 6 });
    let w: Vec2 = [15, 15];
    for (let k = 1; k <= 3; k++) {
      await run.step();
      const rows = schedule.next().value.rows;
      const [[, batch], [, step], ...more] = take() as [
        ['batch', BatchChangeDetail],
        ['weights', WeightsChangeDetail],
      ];
      expect(more).to.have.length(0);
      expect(batch).to.include({ iteration: k, epoch: 0, batch: k - 1 });
      expect([...batch.rows]).to.deep.equal([...rows]);
      expect(batch.weights).to.deep.equal(w);
      // The logistic model's plane is the identity: its points are its weights.
      expect(batch.point).to.deep.equal(w);
      expect(batch.landscape.values).to.deep.equal(lossGrid(logistic, data, rows, grid).values);
      const g = batchGradient(logistic, data, rows, w);
      const next: Vec2 = [w[0] - 0.5 * g[0], w[1] - 0.5 * g[1]];
      const loss = batchLoss(logistic, data, rows, w);
      expect(step).to.deep.equal({
        iteration: k,
        weights: next,
        previous: w,
        gradient: g,
        loss,
        point: next,
        previousPoint: w,
        offPlane: 0,
        planeLoss: loss,
        picked: false,
        path: [...run.path],
      });
      expect(run.lastStep).to.deep.equal(step);
      w = next;
    }
  });

  it('seek(n) back tells reset(seek), step n’s batch and step n again, and lastStep is step n', async () => {
    const { run, take } = runWith();
    const steps: WeightsChangeDetail[] = [];
    const batches: BatchChangeDetail[] = [];
    for (let k = 0; k < 6; k++) await run.step();
    for (const [kind, detail] of take()) {
      if (kind === 'weights') steps.push(detail);
      if (kind === 'batch') batches.push(detail);
    }
    await run.seek(4);
    const told = take();
    expect(told.map(([kind]) => kind)).to.deep.equal(['reset', 'batch', 'weights']);
    expect(told[0]?.[1]).to.equal('seek');
    expect(told[1]?.[1]).to.deep.equal(batches[3]);
    expect(told[2]?.[1]).to.deep.equal(steps[3]);
    expect(run.lastStep).to.deep.equal(steps[3]);
    expect(run.iteration).to.equal(4);
    // Forward again: the same steps, bit for bit (the optimiser's momentum was restored too).
    await run.step();
    expect(take().find(([kind]) => kind === 'weights')?.[1]).to.deep.equal(steps[4]);
    await run.seek(0);
    expect(take().map(([kind]) => kind)).to.deep.equal(['reset']);
    expect(run.lastStep).to.equal(null);
    expect(run.batch).to.equal(null);
  });

  it('seek(n) ahead replays from the seed to the same state a stepped run reaches', async () => {
    const stepped = runWith();
    for (let k = 0; k < 9; k++) await stepped.run.step();
    const sought = runWith();
    await sought.run.seek(9);
    expect(sought.run.point).to.deep.equal(stepped.run.point);
    expect(sought.run.lastStep).to.deep.equal(stepped.run.lastStep);
  });

  it('pick(w) keeps the iteration, grows the path and tells the step with gradient 0', async () => {
    const { run, take } = runWith();
    await run.step();
    const rows = run.batch?.rows ?? [];
    take();
    run.pick([1, -2]);
    const [[kind, step]] = take() as [['weights', WeightsChangeDetail]];
    expect(kind).to.equal('weights');
    expect(step).to.include({ iteration: 1, loss: batchLoss(logistic, data, rows, [1, -2]) });
    expect(step.gradient).to.deep.equal([0, 0]);
    expect(run.path).to.have.length(3);
  });

  it('configure() with a reason tells it, and keeps the full landscape unless data, model or grid change', async () => {
    const { run, take } = runWith();
    const full = run.fullLandscape;
    expect(full?.values).to.deep.equal(lossGrid(logistic, data, 'all', grid).values);
    await run.step();
    take();
    run.configure(config({ batchSize: 20 }), { reason: 'batch-size', newData: false });
    expect(take().map(([kind, detail]) => [kind, detail])).to.deep.equal([['reset', 'batch-size']]);
    expect(run.iteration).to.equal(0);
    expect(run.fullLandscape).to.equal(full);
    const finer = createGrid([-20, 20, -20, 20], 16);
    run.configure(config({ grid: finer }), { reason: 'resolution', newData: false });
    expect(take().map(([kind]) => kind)).to.deep.equal(['reset', 'full']);
    expect(run.fullLandscape?.grid).to.deep.equal(finer);
  });

  it('a batch past SYNC_WORK comes from the worker: step() waits for it, busy meanwhile', async () => {
    const big = makeDataset('blobs', { n: 2000, seed: 1 });
    const { run, kinds } = runWith(
      config({ data: big, batchSize: 800, grid: createGrid([-20, 20, -20, 20], 40) }),
    );
    const stepped = run.step();
    expect(run.busy).to.not.equal(null);
    expect(kinds().filter((kind) => kind !== 'full')).to.deep.equal([]);
    await stepped;
    expect(run.busy).to.equal(null);
    expect(kinds().filter((kind) => kind !== 'full')).to.deep.equal(['batch', 'weights']);
    expect(run.iteration).to.equal(1);
  });

  it('a worker computes the next large batch ahead: step() then shows it without asking again', async () => {
    const { data: big, grid: finer, settings, asked, told, run } = workerRun();
    const schedule = createSchedule(2000, 1000, { sampling: 'epoch', seed: 6 });
    const [first, second, third] = [0, 1, 2].map((k) => [...schedule.at(k).rows]);

    await run.step();
    // Batch 1 was asked for when stepped; batch 2 as soon as batch 1 was shown.
    expect(asked.map(({ rows }) => rows)).to.deep.equal([first, second]);
    await asked[1]?.answer;
    await run.step();
    // Batch 2 came from the answer asked ahead; batch 3 is now asked for.
    expect(asked.map(({ rows }) => rows)).to.deep.equal([first, second, third]);
    expect(told.map(({ iteration }) => iteration)).to.deep.equal([1, 2]);
    const expected = [...lossGrid(logistic, big, schedule.at(1).rows, finer).values];
    expect([...told[1]!.landscape.values]).to.have.length(expected.length);
    told[1]!.landscape.values.forEach((value, k) =>
      expect(value).to.be.closeTo(expected[k]!, 1e-5),
    );

    // New settings drop the batch asked ahead: the next step is the new schedule's, asked anew.
    run.configure({ ...settings, batchSize: 900 }, { reason: 'batch-size', newData: false });
    await run.step();
    const resized = createSchedule(2000, 900, { sampling: 'epoch', seed: 6 });
    expect([...told[2]!.rows]).to.deep.equal([...resized.at(0).rows]);
    expect(asked[3]?.rows).to.deep.equal([...resized.at(0).rows]);
    // A seek shows its batch without asking for one ahead (a reader scrubbing never waits on them).
    const before = asked.length;
    await run.seek(5);
    expect(asked.length).to.equal(before + 1);
  });

  it('a large batch cancelled by a pause while a worker computed it is shown by the next step without asking again', async () => {
    const { asked, told, run } = workerRun();
    const first = [...createSchedule(2000, 1000, { sampling: 'epoch', seed: 6 }).at(0).rows];
    const beat = run.beat()!;
    run.cancelBeat(); // the sampler paused
    await beat;
    expect(told).to.deep.equal([]);
    await run.step();
    expect(told.map(({ iteration }) => iteration)).to.deep.equal([1]);
    expect([...told[0]!.rows]).to.deep.equal(first);
    // Batch 1 was asked for once; the second request is batch 2, ahead.
    expect(asked.filter(({ rows }) => rows.join() === first.join())).to.have.length(1);
  });
});
