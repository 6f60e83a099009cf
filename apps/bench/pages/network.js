// A network's landscapes (issue 13): `<batch-sampler model="mlp">` on N rows at a resolution, P = 337
// for the default 16-16 network. Timed: connecting (the seeded run ahead and its PCA plane, on the
// main thread), the per-row table on the worker pool until `landscape-ready`, then steps, each from
// `step()` to its `weights-change` (both beats; batch landscapes are sums of table rows).
import { finish, loadAdapter, param, stage, stats } from './harness.js';

finish(async () => {
  await loadAdapter('ours');
  const resolution = param('res', 64);
  const samples = param('samples', 1000);
  const batchSize = param('batch', 10);
  const sampler = document.createElement('batch-sampler');
  for (const [name, value] of Object.entries({
    model: 'mlp',
    dataset: 'spirals',
    samples,
    resolution,
    'batch-size': batchSize,
    optimizer: 'adam',
  }))
    sampler.setAttribute(name, String(value));
  const ready = new Promise((resolve) =>
    sampler.addEventListener('landscape-ready', resolve, { once: true }),
  );
  const start = performance.now();
  stage().append(sampler);
  const planMs = performance.now() - start;
  await ready;
  const tableMs = performance.now() - start;
  const steps = [];
  for (let k = 0; k < 30; k++) {
    const t0 = performance.now();
    await sampler.step();
    steps.push(performance.now() - t0);
  }
  return {
    resolution,
    samples,
    batchSize,
    parameters: sampler.weights.length,
    cores: navigator.hardwareConcurrency,
    planMs: Math.round(planMs),
    tableMs: Math.round(tableMs),
    step: stats(steps),
  };
});
