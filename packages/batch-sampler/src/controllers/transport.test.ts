// The transport's pick (transport.ts): weights that are not two numbers are refused with one
// warning naming pick(), and move nothing.
import { expect, fixture, html } from '@open-wc/testing';
import type { Vec2 } from '@lossquake/core';
import '../batch-sampler.js';
import type { BatchSampler } from '../batch-sampler.js';
import { record, warnings } from '../test-helpers/events.js';

describe('<batch-sampler> pick(weights)', () => {
  it('pick() with weights that are not two numbers warns once and moves nothing', async () => {
    const s = await fixture<BatchSampler>(html`<batch-sampler resolution="8"></batch-sampler>`);
    await s.step();
    const before = s.weights;
    const log = record(s);
    const warned = await warnings(() => s.pick(['a', 2] as unknown as Vec2));
    log.stop();
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain('<batch-sampler').and.contain('pick()');
    expect(log.events).to.deep.equal([]);
    expect(s.weights).to.deep.equal(before);
    expect(s.path).to.have.length(2);
  });

  it('pick([w1, w2]) moves the weights there; the iteration stays', async () => {
    const s = await fixture<BatchSampler>(html`<batch-sampler resolution="8"></batch-sampler>`);
    await s.step();
    s.pick([1.5, -2]);
    expect(s.weights).to.deep.equal([1.5, -2]);
    expect(s.iteration).to.equal(1);
    expect(s.path.at(-1)).to.deep.equal([1.5, -2]);
  });
});
