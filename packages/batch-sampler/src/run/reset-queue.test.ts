// The reset queue: settings changed in one task make one flush, named for the most sweeping change.
import { expect } from '@open-wc/testing';
import type { ResetReason } from '@lossquake/kit';
import { mostSweeping, ResetQueue } from './reset-queue.js';

describe('ResetQueue', () => {
  it('flushes once per task, with every reason added in it', async () => {
    const flushed: ResetReason[][] = [];
    const queue: ResetQueue = new ResetQueue(() => flushed.push([...queue.take()]));
    queue.add('optimizer');
    queue.add('batch-size');
    queue.add('optimizer');
    expect(queue.pending).to.equal(true);
    expect(flushed).to.deep.equal([]);
    await Promise.resolve();
    expect(flushed).to.deep.equal([['optimizer', 'batch-size']]);
    expect(queue.pending).to.equal(false);
    queue.add('seed');
    await Promise.resolve();
    expect(flushed).to.have.length(2);
  });

  it('a take() before the microtask leaves it nothing to do', async () => {
    let flushes = 0;
    const queue: ResetQueue = new ResetQueue(() => {
      flushes++;
      expect(queue.take().size).to.equal(0);
    });
    queue.add('extent');
    expect([...queue.take()]).to.deep.equal(['extent']);
    await Promise.resolve();
    expect(flushes).to.equal(1);
  });
});

describe('mostSweeping()', () => {
  it('names new data over a new model over a new seed, down to resolution, then reset', () => {
    expect(mostSweeping(['optimizer', 'seed', 'batch-size'])).to.equal('seed');
    expect(mostSweeping(['resolution', 'model', 'data'])).to.equal('data');
    expect(mostSweeping(['extent', 'weights', 'learning-rate'])).to.equal('learning-rate');
    expect(mostSweeping(['reset', 'resolution'])).to.equal('resolution');
    expect(mostSweeping([])).to.equal('reset');
  });
});
