// @fromRun (run-readout.ts): a property declared with it reads the run its sampler hands over, at
// each read, and behaves as a class's own getter.
import { expect } from '@open-wc/testing';
import { fromRun, readsRun } from './run-readout.js';
import type { TrainingRun } from './run/training-run.js';

class Reader {
  @fromRun((run) => run.iteration) readonly iteration!: number;
  @fromRun((run) => run.batch?.epoch ?? 0) readonly epoch!: number;
}

describe('@fromRun(read)', () => {
  it('reads the current run at each read, per instance', () => {
    let run = { iteration: 3, batch: null } as unknown as TrainingRun;
    const a = new Reader();
    const b = new Reader();
    readsRun(a, () => run);
    readsRun(b, () => ({ iteration: 7, batch: { epoch: 2 } }) as unknown as TrainingRun);
    expect([a.iteration, a.epoch, b.iteration, b.epoch]).to.deep.equal([3, 0, 7, 2]);
    run = { iteration: 4, batch: { epoch: 1 } } as unknown as TrainingRun;
    expect([a.iteration, a.epoch]).to.deep.equal([4, 1]);
  });

  it('is read-only and not enumerable, as a getter', () => {
    const a = new Reader();
    readsRun(a, () => ({ iteration: 1 }) as unknown as TrainingRun);
    expect(Object.keys(a)).to.deep.equal([]);
    expect(() => ((a as { iteration: number }).iteration = 2)).to.throw(TypeError);
    expect(a.iteration).to.equal(1);
  });
});
