import { expect } from 'chai';
import { makeDataset } from '../dataset.js';
import { batchGradient, batchLoss } from '../landscape.js';
import { logistic } from '../models/logistic.js';
import { createOptimizer, createVectorOptimizer } from '../optimizer.js';
import { createSchedule } from '../schedule.js';
import type { Vec2 } from '../types.js';
import { createNetwork } from './mlp.js';
import { stepNetwork, trainPath } from './train.js';

describe('trainPath(options) and stepNetwork(...)', () => {
  for (const kind of ['spirals', 'circles'] as const) {
    it(`trainPath on ${kind}: the network learns, logistic regression without bias cannot`, () => {
      const data = makeDataset(kind, { n: 400, seed: 2 });
      const network = createNetwork({ inputs: 2 });
      const path = trainPath({
        network,
        data,
        batchSize: 10,
        optimizer: 'adam',
        learningRate: 0.03,
        iterations: 2000,
        seed: 1,
      });
      expect(path.length).to.equal(2001);
      const scratch = new Float64Array(network.size);
      const start = network.batchLossGradient(path[0]!, data, 'all', scratch);
      const end = network.batchLossGradient(path[2000]!, data, 'all', scratch);
      expect(end, `${start} → ${end}`).to.be.below(Math.min(0.3, start / 2));
      // The same budget for the 2-weight model: it stays near ln 2, chance level.
      const adam = createOptimizer('adam', { learningRate: 0.03 });
      let w: Vec2 = [0.5, -0.5];
      const schedule = createSchedule(data.n, 10, { seed: 1 });
      for (let t = 0; t < 2000; t++)
        w = adam.step(w, batchGradient(logistic, data, schedule.next().value.rows, w));
      expect(batchLoss(logistic, data, 'all', w)).to.be.above(0.6);
    });
  }

  it('trainPath equals stepNetwork over createSchedule step by step, so a sampler lands on the same θ', () => {
    const data = makeDataset('moons', { n: 50, seed: 3 });
    const network = createNetwork({ inputs: 2, layers: [5], activation: 'relu' });
    const options = {
      network,
      data,
      batchSize: 7,
      sampling: 'replacement' as const,
      seed: 9,
      optimizer: 'momentum' as const,
      learningRate: 0.1,
      iterations: 30,
    };
    const path = trainPath(options);
    const theta = network.initialise(9);
    const optimizer = createVectorOptimizer('momentum', { learningRate: 0.1 }, network.size);
    const schedule = createSchedule(50, 7, { sampling: 'replacement', seed: 9 });
    const gradient = new Float64Array(network.size);
    expect(Array.from(path[0]!)).to.deep.equal(Array.from(theta));
    for (let t = 1; t <= 30; t++) {
      stepNetwork(network, data, theta, schedule.next().value.rows, optimizer, gradient);
      expect(Array.from(path[t]!), `step ${t}`).to.deep.equal(Array.from(theta));
    }
    expect(trainPath(options).map((p) => Array.from(p))).to.deep.equal(
      path.map((p) => Array.from(p)),
    );
    expect(() => trainPath({ ...options, start: [1, 2] })).to.throw(RangeError, /parameters/);
  });
});
