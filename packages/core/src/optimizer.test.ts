import { expect } from 'chai';
import { createOptimizer, createVectorOptimizer, optimizerKinds } from './optimizer.js';
import { assertInDelta } from './test-helpers/assert.js';

describe('createOptimizer(kind, options)', () => {
  it("createOptimizer('sgd').step(w, g) is w − lr·g", () => {
    const sgd = createOptimizer('sgd', { learningRate: 0.1 });
    // (1, 2) − 0.1·(0.5, −1) = (0.95, 2.1)
    assertInDelta(sgd.step([1, 2], [0.5, -1]), [0.95, 2.1], 1e-15);
  });

  it("createOptimizer('momentum') follows PyTorch: m = β·m + g, w −= lr·m", () => {
    const momentum = createOptimizer('momentum', { learningRate: 0.1, beta: 0.9 });
    // Step 1: m = (1, 2); w = (1, 1) − 0.1·(1, 2) = (0.9, 0.8).
    const w1 = momentum.step([1, 1], [1, 2]);
    assertInDelta(w1, [0.9, 0.8], 1e-15);
    // Step 2: m = 0.9·(1, 2) + (1, 0) = (1.9, 1.8); w = (0.9, 0.8) − (0.19, 0.18) = (0.71, 0.62).
    assertInDelta(momentum.step(w1, [1, 0]), [0.71, 0.62], 1e-15);
  });

  it("createOptimizer('nesterov') follows PyTorch: m = β·m + g, w −= lr·(g + β·m)", () => {
    const nesterov = createOptimizer('nesterov', { learningRate: 0.1, beta: 0.9 });
    // Step 1: m = (1, 2); g + βm = (1.9, 3.8); w = (1, 1) − (0.19, 0.38) = (0.81, 0.62).
    const w1 = nesterov.step([1, 1], [1, 2]);
    assertInDelta(w1, [0.81, 0.62], 1e-15);
    // Step 2: m = (1.9, 1.8); g + βm = (2.71, 1.62); w = (0.81 − 0.271, 0.62 − 0.162) = (0.539, 0.458).
    assertInDelta(nesterov.step(w1, [1, 0]), [0.539, 0.458], 1e-15);
  });

  it("createOptimizer('adam') applies bias-corrected moments", () => {
    const adam = createOptimizer('adam', { learningRate: 0.1 });
    // Step 1, g = (1, −2): m = (0.1, −0.2), v = (0.001, 0.004); m̂ = (1, −2), v̂ = (1, 4);
    // w = (0, 0) − 0.1·(1 / (1 + 1e−8), −2 / (2 + 1e−8)) = (−0.099999999, 0.0999999995).
    const w1 = adam.step([0, 0], [1, -2]);
    assertInDelta(w1, [-0.09999999900000002, 0.0999999995], 1e-15);
    // Step 2, g = (0.5, 0): m = (0.14, −0.18), v = (0.001249, 0.003996); 1 − β1² = 0.19,
    // 1 − β2² = 0.001999; m̂ = (0.736842, −0.947368), √v̂ = (0.790451, 1.413860);
    // w = w1 − 0.1·m̂/(√v̂ + ε) = (−0.193217962, 0.167005824).
    assertInDelta(adam.step(w1, [0.5, 0]), [-0.19321796170183902, 0.16700582443973264], 1e-12);
  });

  it('optimizer.save() and restore(state) resume exactly; reset() forgets', () => {
    for (const kind of ['momentum', 'nesterov', 'adam'] as const) {
      const optimizer = createOptimizer(kind, { learningRate: 0.05 });
      let w = optimizer.step([1, 1], [0.3, -0.7]);
      const saved = optimizer.save();
      const next = optimizer.step(w, [0.2, 0.1]);
      optimizer.restore(saved);
      expect(optimizer.step(w, [0.2, 0.1])).to.deep.equal(next);
      optimizer.reset();
      w = optimizer.step([1, 1], [0.3, -0.7]);
      const fresh = createOptimizer(kind, { learningRate: 0.05 });
      expect(w).to.deep.equal(fresh.step([1, 1], [0.3, -0.7]));
      expect(optimizer.save().t).to.equal(1);
    }
  });

  it('createOptimizer(kind, options) rejects unknown kinds and bad settings', () => {
    expect(() => createOptimizer('rmsprop' as 'sgd', { learningRate: 1 })).to.throw(
      RangeError,
      /rmsprop/,
    );
    expect(() => createOptimizer('sgd', { learningRate: 0 })).to.throw(RangeError, /learningRate/);
    expect(() => createOptimizer('momentum', { learningRate: 1, beta: 1 })).to.throw(
      RangeError,
      /beta/,
    );
    // SGD keeps no memory: each step uses its own gradient alone.
    const sgd = createOptimizer('sgd', { learningRate: 0.5 });
    sgd.step([0, 0], [1, 1]);
    expect(sgd.step([0, 0], [2, -2])).to.deep.equal([-1, 1]);
    // β = 0 is allowed: momentum without memory is plain SGD.
    const memoryless = createOptimizer('momentum', { learningRate: 0.5, beta: 0 });
    memoryless.step([0, 0], [1, 1]);
    expect(memoryless.step([0, 0], [2, -2])).to.deep.equal([-1, 1]);
    expect(() => createOptimizer('adam', { learningRate: 1, beta2: -0.1 })).to.throw(
      RangeError,
      /beta2/,
    );
    expect(() => createOptimizer('adam', { learningRate: 1, epsilon: 0 })).to.throw(
      RangeError,
      /epsilon/,
    );
  });
});

describe('createVectorOptimizer(kind, options, length)', () => {
  it('createVectorOptimizer on 2-vectors equals createOptimizer step for step, for every kind', () => {
    const gradients: [number, number][] = [
      [0.3, -0.7],
      [1.5, 0.25],
      [-2, 0.125],
      [0.01, 4],
    ];
    for (const kind of optimizerKinds) {
      const options = { learningRate: 0.07, beta: 0.8 };
      const vec2 = createOptimizer(kind, options);
      const vector = createVectorOptimizer(kind, options, 2);
      let w: readonly [number, number] = [1, -1];
      const theta = Float64Array.of(1, -1);
      for (const g of gradients) {
        w = vec2.step(w, g);
        vector.step(theta, g, theta);
        expect(Array.from(theta), kind).to.deep.equal([...w]);
      }
      expect(vector.save(), kind).to.deep.equal({
        t: vec2.save().t,
        m: [...vec2.save().m],
        v: [...vec2.save().v],
      });
    }
  });

  it('vector.save() returns copies, and restore(state) resumes exactly on any length', () => {
    const adam = createVectorOptimizer('adam', { learningRate: 0.01 }, 5);
    const w = Float64Array.of(1, 2, 3, 4, 5);
    adam.step(w, [1, -1, 2, -2, 0.5], w);
    const saved = adam.save();
    const copy = JSON.parse(JSON.stringify(saved)) as typeof saved;
    const next = adam.step(w, [0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(saved).to.deep.equal(copy); // a later step did not change the saved arrays
    adam.restore(saved);
    expect(Array.from(adam.step(w, [0.1, 0.2, 0.3, 0.4, 0.5]))).to.deep.equal(Array.from(next));
    expect(() => adam.step(w, [1, 2])).to.throw(RangeError, /5 values/);
    expect(() => createVectorOptimizer('sgd', { learningRate: 1 }, 0)).to.throw(
      RangeError,
      /length/,
    );
  });
});
