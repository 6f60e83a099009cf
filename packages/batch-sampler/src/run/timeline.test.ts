import { expect } from '@open-wc/testing';
import { batchGradient, createSchedule, logistic, makeDataset, type Vec2 } from '@lossquake/core';
import { CHECKPOINT_EVERY, MAX_REPLAY_ROWS, Timeline, type TimelineOptions } from './timeline.js';

const data = makeDataset('blobs', { n: 200, seed: 2 });
const options = (overrides: Partial<TimelineOptions> = {}): TimelineOptions => ({
  model: logistic,
  data,
  batchSize: 10,
  sampling: 'epoch',
  seed: 5,
  optimizer: 'sgd',
  learningRate: 0.5,
  initial: [-15, -15],
  ...overrides,
});

describe('Timeline', () => {
  it('step() applies w − lr·g on the schedule’s batch, computed independently', () => {
    const timeline = new Timeline(options());
    const schedule = createSchedule(200, 10, { sampling: 'epoch', seed: 5 });
    let w: Vec2 = [-15, -15];
    for (let k = 1; k <= 25; k++) {
      const rows = schedule.next().value.rows;
      const g = batchGradient(logistic, data, rows, w);
      const step = timeline.step();
      w = [w[0] - 0.5 * g[0], w[1] - 0.5 * g[1]];
      expect(step.iteration).to.equal(k);
      expect(step.gradient).to.deep.equal(g);
      expect(step.weights).to.deep.equal(w);
    }
    expect(timeline.path).to.have.length(26);
  });

  it('seek(n) restores the state after step n bit for bit, optimiser state included', () => {
    const timeline = new Timeline(options({ optimizer: 'adam', learningRate: 0.8 }));
    const visited: Vec2[] = [timeline.weights];
    for (let k = 0; k < 30; k++) visited.push(timeline.step().point);
    timeline.seek(12);
    expect(timeline.weights).to.deep.equal(visited[12]);
    expect(timeline.path).to.deep.equal(visited.slice(0, 13));
    // The next step from 12 must match step 13 of the first run: Adam's moments were restored.
    expect(timeline.step().weights).to.deep.equal(visited[13]);
    timeline.seek(30);
    expect(timeline.weights).to.deep.equal(visited[30]);
  });

  it('seek(n) beyond what was stepped replays from the seed', () => {
    const stepped = new Timeline(options({ optimizer: 'momentum' }));
    for (let k = 0; k < 40; k++) stepped.step();
    const sought = new Timeline(options({ optimizer: 'momentum' }));
    sought.seek(40);
    expect(sought.weights).to.deep.equal(stepped.weights);
    expect(sought.path).to.deep.equal(stepped.path);
  });

  it('pick(w) keeps the iteration, grows the path and forgets the old future', () => {
    const timeline = new Timeline(options());
    for (let k = 0; k < 5; k++) timeline.step();
    const old6 = (() => {
      const t = new Timeline(options());
      t.seek(6);
      return t.weights;
    })();
    const step = timeline.pick([1, 2], 'all');
    expect(step).to.include({ iteration: 5 });
    expect(step.gradient).to.deep.equal([0, 0]);
    expect(timeline.path).to.have.length(7);
    expect(timeline.path[6]).to.deep.equal([1, 2]);
    timeline.step();
    expect(timeline.weights).not.to.deep.equal(old6);
    timeline.seek(5);
    expect(timeline.weights).to.deep.equal([1, 2]);
  });

  it('seek into the recorded past replays from the nearest checkpoint, exactly', () => {
    const timeline = new Timeline(options({ optimizer: 'adam', learningRate: 0.3 }));
    const visited: Vec2[] = [timeline.weights];
    for (let k = 0; k < 3 * CHECKPOINT_EVERY; k++) visited.push(timeline.step().point);
    // Seeking 70 must cost 70 − 64 steps, not 70: count the gradients the model computes.
    let calls = 0;
    const counting = {
      ...logistic,
      gradient: (...args: Parameters<typeof logistic.gradient>) => {
        calls++;
        return logistic.gradient(...args);
      },
    };
    const counted = new Timeline(
      options({ optimizer: 'adam', learningRate: 0.3, model: counting }),
    );
    for (let k = 0; k < 3 * CHECKPOINT_EVERY; k++) counted.step();
    calls = 0;
    counted.seek(CHECKPOINT_EVERY + 6);
    expect(calls).to.equal(6 * 10);
    expect(counted.weights).to.deep.equal(visited[CHECKPOINT_EVERY + 6]);
    expect(counted.path).to.deep.equal(visited.slice(0, CHECKPOINT_EVERY + 7));
    expect(counted.step().weights).to.deep.equal(visited[CHECKPOINT_EVERY + 7]);
  });

  it('a pick survives a seek past it and back, and a replay from the seed', () => {
    const timeline = new Timeline(options({ optimizer: 'momentum' }));
    for (let k = 0; k < 100; k++) timeline.step();
    timeline.seek(70);
    timeline.pick([2, -3], timeline.batchOf(70)!.rows);
    for (let k = 0; k < 20; k++) timeline.step();
    const at90 = timeline.weights;
    timeline.seek(75);
    timeline.seek(90);
    expect(timeline.weights).to.deep.equal(at90);
    timeline.seek(70);
    expect(timeline.weights).to.deep.equal([2, -3]);
    const replayed = new Timeline(options({ optimizer: 'momentum' }));
    expect(replayed.replay(90, timeline.picks)).to.equal(90);
    expect(replayed.weights).to.deep.equal(at90);
    expect(replayed.picks).to.deep.equal([{ iteration: 70, weights: [2, -3] }]);
  });

  it('a pick at iteration 0 is undone by a replay without it', () => {
    const timeline = new Timeline(options());
    timeline.pick([4, 4], 'all');
    timeline.replay(0);
    expect(timeline.weights).to.deep.equal([-15, -15]);
    expect(timeline.path).to.have.length(1);
  });

  it('a jump stops at its work budget and says where it got to', () => {
    const batchSize = 200;
    const timeline = new Timeline(options({ batchSize }));
    const reachable = Math.floor(MAX_REPLAY_ROWS / batchSize);
    expect(timeline.seek(10 * reachable)).to.equal(reachable);
    expect(timeline.iteration).to.equal(reachable);
    // The next jump goes on from there: no jump ever replays from zero what is recorded.
    expect(timeline.seek(reachable + 5)).to.equal(reachable + 5);
  });

  it('advance() can be spread over several calls and lands where one call would', () => {
    const whole = new Timeline(options({ optimizer: 'nesterov' }));
    whole.seek(300);
    const sliced = new Timeline(options({ optimizer: 'nesterov' }));
    sliced.jumpTo(300);
    let slices = 0;
    for (;;) {
      let budget = 40;
      slices++;
      if (sliced.advance(() => budget-- === 0)) break;
      expect(sliced.jumping).to.equal(300);
    }
    expect(slices).to.be.greaterThan(5);
    expect(sliced.jumping).to.equal(null);
    expect(sliced.weights).to.deep.equal(whole.weights);
  });

  it('restores every recorded iteration exactly from snapshots kept only at checkpoints', () => {
    const timeline = new Timeline(options());
    for (let k = 0; k < 1000; k++) timeline.step();
    // Every recorded iteration is still reachable exactly.
    for (const at of [0, 1, 63, 64, 65, 500, 999, 1000]) {
      const fresh = new Timeline(options());
      fresh.seek(at);
      expect(timeline.weightsAt(at)).to.deep.equal(fresh.weights);
    }
  });
});
