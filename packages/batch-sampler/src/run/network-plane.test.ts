import { expect } from '@open-wc/testing';
import { createNetwork, makeDataset, project, trainPath } from '@lossquake/core';
import { networkRun, type NetworkRunOptions } from './network-plane.js';
import { Timeline } from './timeline.js';

const data = makeDataset('spirals', { n: 120, seed: 3 });
const options: NetworkRunOptions = {
  data,
  layers: [8, 8],
  activation: 'tanh',
  plane: 'pca',
  seed: 4,
  batchSize: 10,
  sampling: 'epoch',
  optimizer: 'adam',
  learningRate: 0.03,
  iterations: 60,
};

describe('networkRun', () => {
  it('the timeline steps the network exactly as the run ahead did, and draws it on the plane', () => {
    const run = networkRun(options);
    const network = createNetwork({ inputs: 2, layers: [8, 8], activation: 'tanh' });
    const ahead = trainPath({ ...options, network, start: network.initialise(4) });
    const timeline = new Timeline({
      ...options,
      model: { name: 'unused' } as never,
      initial: [0, 0],
      learner: run.learner,
    });
    for (let t = 1; t <= 60; t++) {
      const step = timeline.step();
      expect(timeline.theta).to.deep.equal(ahead[t]);
      expect(step.weights).to.deep.equal(Array.from(ahead[t]!));
      const { point, offPlane } = project(run.plane, ahead[t]!);
      expect(step.point).to.deep.equal(point);
      expect(step.offPlane).to.equal(offPlane);
    }
    // The plane passes through the run's end: its last point is the origin, on the plane.
    expect(timeline.lastStep!.offPlane).to.be.below(1e-9);
    expect(Math.hypot(...timeline.weights)).to.be.below(1e-9);
  });

  it('the window holds every projected point of the run ahead, with equal spans', () => {
    const run = networkRun(options);
    const [a0, a1, b0, b1] = run.extent;
    expect(a1 - a0).to.be.closeTo(b1 - b0, 1e-9);
    const network = createNetwork({ inputs: 2, layers: [8, 8], activation: 'tanh' });
    for (const theta of trainPath({ ...options, network, start: network.initialise(4) })) {
      const [a, b] = project(run.plane, theta).point;
      expect(a).to.be.within(a0, a1);
      expect(b).to.be.within(b0, b1);
    }
  });

  it('a pick moves θ onto the plane, and training leaves it again', () => {
    const run = networkRun(options);
    const timeline = new Timeline({
      ...options,
      model: { name: 'unused' } as never,
      initial: [0, 0],
      learner: run.learner,
    });
    for (let t = 0; t < 5; t++) timeline.step();
    const pick = timeline.pick([0.5, -0.25], timeline.batchOf(5)!.rows);
    expect(pick.point).to.deep.equal([0.5, -0.25]);
    expect(pick.offPlane).to.equal(0);
    const [a, b] = timeline.weights;
    expect(a).to.be.closeTo(0.5, 1e-12);
    expect(b).to.be.closeTo(-0.25, 1e-12);
    expect(timeline.step().offPlane).to.be.above(0);
  });

  it('trains a run ahead once per data and training: equal data (another object) and another plane reuse it', () => {
    const first = networkRun({ ...options, seed: 11 });
    // Equal numbers in a new object, and only the plane changed: the same run ahead, its PCA copied.
    const again = networkRun({
      ...options,
      seed: 11,
      data: makeDataset('spirals', { n: 120, seed: 3 }),
    });
    expect(again.ahead).to.equal(first.ahead);
    expect(again.plane).to.not.equal(first.plane);
    expect(again.plane.origin).to.deep.equal(first.plane.origin);
    again.plane.origin[0] = 99; // a page altering one sampler's plane alters only its own
    expect(networkRun({ ...options, seed: 11 }).plane.origin[0]).to.not.equal(99);
    expect(networkRun({ ...options, seed: 11, plane: 'random' }).ahead).to.equal(first.ahead);
    // It is the run ahead a fresh training gives.
    const network = createNetwork({ inputs: 2, layers: [8, 8], activation: 'tanh' });
    const fresh = trainPath({ ...options, seed: 11, network, start: network.initialise(11) });
    expect(first.ahead).to.deep.equal(fresh);
    // Another batch size, or one row's label changed, trains anew.
    expect(networkRun({ ...options, seed: 11, batchSize: 20 }).ahead).to.not.equal(first.ahead);
    const y = Uint8Array.from(data.y);
    y[7] = 1 - y[7]!;
    expect(networkRun({ ...options, seed: 11, data: { ...data, y } }).ahead).to.not.equal(
      first.ahead,
    );
  });
});
