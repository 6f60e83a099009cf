// model="mlp": a network trained on all its parameters, its landscapes drawn on a plane through weight
// space. The numbers are checked against a second, plain float64 implementation written here.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { makeDataset, type Dataset, type Plane } from '@lossquake/core';
import type { ErrorDetail, SamplerResetDetail } from '@lossquake/kit';
import './batch-sampler.js';
import type { BatchSampler } from './batch-sampler.js';
import { once, warnings } from './test-helpers/events.js';

const LAYERS = [6, 5];

/**
 * The documented parameter layout, read independently: for each layer its weight matrix (out × in,
 * row-major) then its bias; tanh between layers, one logit out; loss softplus((1 − 2y)·z).
 */
function rowLoss(theta: readonly number[], data: Dataset, r: number): number {
  let input = [data.x[2 * r]!, data.x[2 * r + 1]!];
  let offset = 0;
  const sizes = [...LAYERS, 1];
  for (let layer = 0; layer < sizes.length; layer++) {
    const out = sizes[layer]!;
    const next: number[] = [];
    for (let o = 0; o < out; o++) {
      let z = 0;
      for (let i = 0; i < input.length; i++) z += theta[offset + o * input.length + i]! * input[i]!;
      next.push(z);
    }
    offset += out * input.length;
    for (let o = 0; o < out; o++) next[o]! += theta[offset + o]!;
    offset += out;
    input = layer < LAYERS.length ? next.map(Math.tanh) : next;
  }
  expect(offset).to.equal(theta.length);
  const z = input[0]!;
  const u = data.y[r] ? -z : z;
  return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
}

const meanLoss = (theta: readonly number[], data: Dataset, rows: ArrayLike<number>) =>
  Array.from(rows).reduce((sum, r) => sum + rowLoss(theta, data, r), 0) / rows.length;

const onPlane = (plane: Plane, a: number, b: number): number[] =>
  Array.from(plane.origin, (o, k) => o + a * plane.directions[0][k]! + b * plane.directions[1][k]!);

function expectRelative(actual: number, expected: number, tolerance = 1e-6): void {
  expect(Math.abs(actual - expected)).to.be.at.most(
    tolerance * Math.abs(expected),
    `${actual} vs ${expected}`,
  );
}

async function network(extra = ''): Promise<BatchSampler> {
  const s = await fixture<BatchSampler>(
    html`<batch-sampler
      model="mlp"
      dataset="spirals"
      samples="120"
      seed="3"
      layers=${LAYERS.join(' ')}
      optimizer="adam"
      resolution="12"
      max-iterations="80"
      .title=${extra}
    ></batch-sampler>`,
  );
  if (!s.fullLandscape) await oneEvent(s, 'landscape-ready');
  return s;
}

describe('<batch-sampler model="mlp">', () => {
  it('trains all P parameters and reports the step on its plane, exactly as recomputed', async () => {
    const s = await network();
    const data = makeDataset('spirals', { n: 120, seed: 3 });
    const plane = s.plane!;
    expect(plane.kind).to.equal('pca');
    expect(plane.labels[0]).to.match(/^PC1 \(\d+ % of the path\)$/);
    const P = 6 * 2 + 6 + 5 * 6 + 5 + 5 + 1;
    expect(s.weights).to.have.length(P);
    const batchSeen = once(s, 'batch-change');
    const stepSeen = once(s, 'weights-change');
    await s.step();
    const batch = (await batchSeen).detail;
    const step = (await stepSeen).detail;
    expect(step.weights).to.have.length(P);
    // The batch loss at the parameters before the step, from the documented layout.
    expectRelative(step.loss, meanLoss(step.previous, data, batch.rows));
    // The plane's value under the step: the loss at origin + a·d1 + b·d2 of the previous point.
    const [a, b] = step.previousPoint;
    expectRelative(step.planeLoss, meanLoss(onPlane(plane, a, b), data, batch.rows));
    // The point is the least-squares projection: the residual is orthogonal to both directions.
    const residual = step.weights.map((w, k) => w - onPlane(plane, ...step.point)[k]!);
    for (const d of plane.directions) {
      const dot = residual.reduce((sum, r, k) => sum + r * d[k]!, 0);
      expect(Math.abs(dot)).to.be.below(1e-9);
    }
    expectRelative(Math.hypot(...residual), step.offPlane, 1e-9);
  });

  it('a batch landscape cell is the mean of its rows’ losses on the plane', async () => {
    const s = await network();
    const data = makeDataset('spirals', { n: 120, seed: 3 });
    const seen = once(s, 'batch-change');
    await s.step();
    const { landscape, rows } = (await seen).detail;
    const { grid } = landscape;
    const size = grid.size;
    for (const [i, j] of [
      [0, 0],
      [5, 7],
      [size - 1, size - 1],
    ] as const) {
      const a = grid.w1[0] + ((grid.w1[1] - grid.w1[0]) * i) / (size - 1);
      const b = grid.w2[0] + ((grid.w2[1] - grid.w2[0]) * j) / (size - 1);
      expectRelative(
        landscape.values[j * size + i]!,
        meanLoss(onPlane(s.plane!, a, b), data, rows),
      );
    }
  });

  it('the window holds the run, and its axes are the plane’s', async () => {
    const s = await network();
    const grid = s.fullLandscape!.grid;
    // The run ahead ends at the plane's origin, (0, 0), inside the fitted window.
    expect(grid.w1[0]).to.be.below(0);
    expect(grid.w1[1]).to.be.above(0);
    expect(grid.w1[1] - grid.w1[0]).to.be.closeTo(grid.w2[1] - grid.w2[0], 1e-9);
    const [a, b] = s.point;
    expect(a).to.be.within(grid.w1[0], grid.w1[1]);
    expect(b).to.be.within(grid.w2[0], grid.w2[1]);
  });

  it('a pick moves θ onto the plane; the next step leaves it', async () => {
    const s = await network();
    await s.step();
    const picked = once(s, 'weights-change');
    s.pick([0.2, -0.1]);
    const pick = (await picked).detail;
    expect(pick.picked).to.equal(true);
    expect(pick.offPlane).to.equal(0);
    onPlane(s.plane!, 0.2, -0.1).forEach((w, k) => expect(pick.weights[k]).to.be.closeTo(w, 1e-12));
    const stepped = once(s, 'weights-change');
    await s.step();
    expect((await stepped).detail.offPlane).to.be.above(0);
  });

  it('stepBack and seek are exact for the network', async () => {
    const s = await network();
    const visited: (readonly number[])[] = [s.weights];
    for (let k = 0; k < 6; k++) {
      await s.step();
      visited.push(s.weights);
    }
    await s.seek(2);
    expect(s.weights).to.deep.equal(visited[2]);
    await s.stepBack();
    expect(s.weights).to.deep.equal(visited[1]);
    await s.seek(6);
    expect(s.weights).to.deep.equal(visited[6]);
  });

  it('plane="random" reports the cosine of its two filter-normalised directions', async () => {
    const s = await fixture<BatchSampler>(
      html`<batch-sampler
        model="mlp"
        plane="random"
        dataset="circles"
        samples="60"
        resolution="8"
        max-iterations="20"
      ></batch-sampler>`,
    );
    const plane = s.plane!;
    expect(plane.kind).to.equal('random');
    const [d1, d2] = plane.directions;
    const dot = d1.reduce((sum, v, k) => sum + v * d2[k]!, 0);
    const cosine = dot / Math.hypot(...d1) / Math.hypot(...d2);
    expect(plane.cosine).to.be.closeTo(cosine, 1e-12);
    // Li et al.'s window for filter-normalised directions, not the path's (which hardly moves there).
    if (!s.fullLandscape) await oneEvent(s, 'landscape-ready');
    expect(s.fullLandscape!.grid.w1).to.deep.equal([-1, 1]);
    expect(s.fullLandscape!.grid.w2).to.deep.equal([-1, 1]);
  });

  it('shows its progress while the table is built, and a clear message past the memory cap', async () => {
    const s = await fixture<BatchSampler>(
      html`<batch-sampler
        model="mlp"
        samples="400"
        resolution="48"
        max-iterations="10"
      ></batch-sampler>`,
    );
    expect(s.shadowRoot!.querySelector('[part="table-progress"] progress')).to.exist;
    await oneEvent(s, 'landscape-ready');
    await s.updateComplete;
    expect(s.shadowRoot!.querySelector('[part="table-progress"]')).to.equal(null);
    const failed = oneEvent<CustomEvent<ErrorDetail>>(s, 'error');
    s.samples = 100_000;
    s.resolution = 256;
    const { detail } = await failed;
    expect(detail.message).to.match(/MiB limit: use fewer rows or a lower resolution/);
    await s.updateComplete;
    expect(s.shadowRoot!.querySelector('[part="error"]')?.textContent).to.include('MiB');
  });

  it('the logistic model draws its weights themselves: no plane, point = weights', async () => {
    const s = await fixture<BatchSampler>(html`<batch-sampler resolution="8"></batch-sampler>`);
    expect(s.plane).to.equal(null);
    await s.step();
    expect(s.weights).to.deep.equal([...s.point]);
  });

  it('trains a network on more than two features; the logistic model says why it cannot', async () => {
    // Three features: x1, x2 and a noise column.
    const n = 60;
    const x = new Float64Array(3 * n);
    const y = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      x.set([Math.cos(r), Math.sin(r), (r % 7) / 7], 3 * r);
      y[r] = r % 2;
    }
    const data: Dataset = { n, x, y, d: 3 };
    const net = await fixture<BatchSampler>(
      html`<batch-sampler
        model="mlp"
        layers="4"
        resolution="8"
        max-iterations="10"
      ></batch-sampler>`,
    );
    net.dataset = data;
    await net.step();
    expect(net.weights).to.have.length(4 * 3 + 4 + 4 + 1);
    const logistic = await fixture<BatchSampler>(
      html`<batch-sampler resolution="8"></batch-sampler>`,
    );
    const before = logistic.dataset;
    const failed = oneEvent<CustomEvent<ErrorDetail>>(logistic, 'error');
    logistic.dataset = data;
    await logistic.step();
    expect((await failed).detail.message).to.match(
      /needs exactly 2 features per row; this data set has 3/,
    );
    await logistic.updateComplete;
    expect(logistic.shadowRoot!.querySelector('[part="error"]')?.textContent).to.include(
      'model="mlp"',
    );
    expect(logistic.dataset.n).to.equal(before.n);
  });

  it('toHTML() reopens the same network, plane and window at the same step', async () => {
    const s = await network();
    for (let k = 0; k < 3; k++) await s.step();
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    box.innerHTML = s.toHTML();
    const copy = box.firstElementChild as BatchSampler;
    expect(copy.getAttribute('extent')).to.equal(null);
    if (!copy.fullLandscape) await oneEvent(copy, 'landscape-ready');
    expect(copy.weights).to.deep.equal(s.weights);
    expect(copy.plane!.labels).to.deep.equal(s.plane!.labels);
    expect(copy.fullLandscape!.grid).to.deep.equal(s.fullLandscape!.grid);
  });

  it('two runs share one plane through the plane property; a plane that does not fit is refused', async () => {
    const small = await network();
    const large = await fixture<BatchSampler>(
      html`<batch-sampler
        model="mlp"
        dataset="spirals"
        samples="120"
        seed="3"
        layers="6 5"
        batch-size="100"
        optimizer="adam"
        resolution="12"
        max-iterations="80"
      ></batch-sampler>`,
    );
    expect(large.plane!.origin).not.to.deep.equal(small.plane!.origin);
    const reset = oneEvent<CustomEvent<SamplerResetDetail>>(large, 'sampler-reset');
    large.plane = small.plane;
    expect((await reset).detail.reason).to.equal('model');
    expect(large.plane).to.equal(small.plane);
    await large.step();
    // Its point is its own weights projected onto the shared plane.
    const [a, b] = large.point;
    const residual = large.weights.map((w, k) => w - onPlane(small.plane!, a, b)[k]!);
    for (const d of small.plane!.directions)
      expect(Math.abs(residual.reduce((sum, r, k) => sum + r * d[k]!, 0))).to.be.below(1e-9);
    const other = await fixture<BatchSampler>(
      html`<batch-sampler
        model="mlp"
        layers="3"
        samples="60"
        resolution="8"
        max-iterations="10"
      ></batch-sampler>`,
    );
    const own = other.plane;
    const seen = await warnings(async () => {
      other.plane = small.plane;
      await other.step();
    });
    expect(seen.some((m) => m.includes('plane') && m.includes('this network'))).to.equal(true);
    expect(other.plane!.origin.length).to.equal(own!.origin.length);
  });
});
