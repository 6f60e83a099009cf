// The `plane` property's checks (given-plane.ts): a value that is not a plane is refused at once,
// with one warning, and the run in place stays.
import { expect, fixture, html } from '@open-wc/testing';
import type { Plane } from '@lossquake/core';
import './batch-sampler.js';
import type { BatchSampler } from './batch-sampler.js';
import { isPlane } from './given-plane.js';
import { record, warnings } from './test-helpers/events.js';

const plane = (length: number, other = length): Plane => ({
  kind: 'random',
  origin: new Float64Array(length),
  directions: [new Float64Array(length), new Float64Array(other)],
  labels: ['a', 'b'],
});

describe('isPlane(value)', () => {
  it('takes an origin and two directions of one length with two labels, and nothing else', () => {
    expect(isPlane(plane(5))).to.equal(true);
    expect(isPlane(plane(5, 4))).to.equal(false);
    expect(isPlane({ ...plane(5), origin: [0, 0, 0, 0, 0] })).to.equal(false);
    expect(isPlane({ ...plane(5), labels: ['a'] })).to.equal(false);
    expect(isPlane(null)).to.equal(false);
  });
});

describe('<batch-sampler> plane = value', () => {
  it('a value that is not a plane warns once, resets nothing and keeps the plane in use', async () => {
    const s = await fixture<BatchSampler>(
      html`<batch-sampler
        id="given-plane"
        model="mlp"
        layers="3"
        samples="60"
        resolution="8"
        max-iterations="10"
      ></batch-sampler>`,
    );
    await s.step();
    const own = s.plane;
    const log = record(s);
    const warned = await warnings(async () => {
      s.plane = { origin: [1, 2] } as unknown as Plane;
      s.plane = plane(4, 3);
      await s.step();
    });
    log.stop();
    expect(warned).to.have.length(1);
    expect(warned[0])
      .to.contain('<batch-sampler id="given-plane"> plane: expected a plane')
      .and.contain('keeping the plane in use');
    expect(s.plane).to.equal(own);
    expect(log.types()).to.deep.equal(['batch-change', 'weights-change']);
    expect(s.iteration).to.equal(2);
  });
});
