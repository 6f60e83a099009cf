import { expect } from '@open-wc/testing';
import { batchGradient, createSchedule, logistic, makeDataset, type Vec2 } from '@lossquake/core';
import { Timeline, type TimelineOptions } from './timeline.js';

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
    for (let k = 0; k < 30; k++) visited.push(timeline.step().weights);
    timeline.seek(12);
    expect(timeline.weights).to.equal(visited[12]);
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
});
