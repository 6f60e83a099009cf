import { expect } from 'chai';
import { createSchedule, type Schedule, type ScheduledBatch } from './schedule.js';

function take(schedule: Schedule, count: number): ScheduledBatch[] {
  const batches: ScheduledBatch[] = [];
  for (const batch of schedule) {
    batches.push(batch);
    if (batches.length === count) break;
  }
  return batches;
}

const rowsOf = (batches: ScheduledBatch[]): number[][] => batches.map((b) => Array.from(b.rows));

describe('createSchedule(n, batchSize, options)', () => {
  it("createSchedule(n, B, {sampling: 'epoch'}) deals every row exactly once per epoch, smaller last batch included", () => {
    const schedule = createSchedule(25, 10, { seed: 3 });
    expect(schedule.batchesPerEpoch).to.equal(3);
    const batches = take(schedule, 6);
    expect(batches.map((b) => [b.iteration, b.epoch, b.batch, b.rows.length])).to.deep.equal([
      [0, 0, 0, 10],
      [1, 0, 1, 10],
      [2, 0, 2, 5],
      [3, 1, 0, 10],
      [4, 1, 1, 10],
      [5, 1, 2, 5],
    ]);
    const all = Array.from({ length: 25 }, (_, k) => k);
    const epoch0 = rowsOf(batches.slice(0, 3)).flat();
    const epoch1 = rowsOf(batches.slice(3)).flat();
    expect([...epoch0].sort((a, b) => a - b)).to.deep.equal(all);
    expect([...epoch1].sort((a, b) => a - b)).to.deep.equal(all);
    expect(epoch0).to.not.deep.equal(all); // shuffled
    expect(epoch1).to.not.deep.equal(epoch0); // reshuffled each epoch
    expect(batches[0]!.rows).to.be.instanceOf(Uint32Array);
  });

  it("createSchedule(n, B, {dropLast: true}) skips each epoch's short batch", () => {
    const schedule = createSchedule(25, 10, { seed: 3, dropLast: true });
    expect(schedule.batchesPerEpoch).to.equal(2);
    expect(take(schedule, 4).map((b) => [b.epoch, b.batch, b.rows.length])).to.deep.equal([
      [0, 0, 10],
      [0, 1, 10],
      [1, 0, 10],
      [1, 1, 10],
    ]);
  });

  it("createSchedule(n, B, {sampling: 'replacement', dropLast: true}) ignores dropLast: no batch is short", () => {
    // Drawn batches are always full, so there is no short batch to drop: an epoch stays ceil(n / B)
    // batches and the batches are the ones drawn without dropLast.
    const plain = createSchedule(25, 10, { sampling: 'replacement', seed: 3 });
    const dropping = createSchedule(25, 10, { sampling: 'replacement', seed: 3, dropLast: true });
    expect(dropping.batchesPerEpoch).to.equal(3);
    const batches = take(dropping, 4);
    expect(batches.map((b) => [b.epoch, b.batch, b.rows.length])).to.deep.equal([
      [0, 0, 10],
      [0, 1, 10],
      [0, 2, 10],
      [1, 0, 10],
    ]);
    expect(rowsOf(batches)).to.deep.equal(rowsOf(take(plain, 4)));
  });

  it("createSchedule(n, B, {sampling: 'sequential', dropLast: true}) skips the short batch too", () => {
    const schedule = createSchedule(25, 10, { sampling: 'sequential', dropLast: true });
    expect(schedule.batchesPerEpoch).to.equal(2);
    expect(rowsOf(take(schedule, 3)).map((rows) => rows[0])).to.deep.equal([0, 10, 0]);
  });

  it("createSchedule(n, B, {sampling: 'replacement'}) draws batches independently, repeats allowed", () => {
    const batches = take(createSchedule(10, 8, { sampling: 'replacement', seed: 5 }), 200);
    expect(batches[0]!.rows.length).to.equal(8);
    const counts = new Array(10).fill(0);
    let withRepeats = 0;
    for (const b of batches) {
      for (const r of b.rows) counts[r]++;
      if (new Set(b.rows).size < b.rows.length) withRepeats++;
    }
    // P(8 draws from 10 are distinct) = 10!/2!/10^8 ≈ 0.018: nearly every batch repeats a row.
    expect(withRepeats).to.be.above(180);
    for (const c of counts) expect(Math.abs(c - 160)).to.be.below(50);
    expect(batches[2]!.epoch).to.equal(1); // ceil(10 / 8) = 2 draws per epoch
  });

  it("createSchedule(n, B, {sampling: 'sequential'}) deals rows in order", () => {
    expect(rowsOf(take(createSchedule(5, 2, { sampling: 'sequential' }), 4))).to.deep.equal([
      [0, 1],
      [2, 3],
      [4],
      [0, 1],
    ]);
  });

  it("createSchedule(n, B, {sampling: 'full'}) makes every batch all rows", () => {
    const batches = take(createSchedule(4, 2, { sampling: 'full' }), 2);
    expect(rowsOf(batches)).to.deep.equal([
      [0, 1, 2, 3],
      [0, 1, 2, 3],
    ]);
    expect(batches.map((b) => [b.epoch, b.batch])).to.deep.equal([
      [0, 0],
      [1, 0],
    ]);
  });

  it('createSchedule(n, B, {seed}) repeats for one seed and differs between seeds', () => {
    for (const sampling of ['epoch', 'replacement'] as const) {
      const a = rowsOf(take(createSchedule(100, 10, { sampling, seed: 1 }), 25));
      expect(rowsOf(take(createSchedule(100, 10, { sampling, seed: 1 }), 25))).to.deep.equal(a);
      expect(rowsOf(take(createSchedule(100, 10, { sampling, seed: 2 }), 25))).to.not.deep.equal(a);
    }
  });

  it('schedule.at(k), seek(k), save() and restore(state) reproduce iteration k exactly', () => {
    for (const sampling of ['epoch', 'replacement', 'sequential', 'full'] as const) {
      const played = createSchedule(30, 7, { sampling, seed: 9 });
      const run = rowsOf(take(played, 20));
      const other = createSchedule(30, 7, { sampling, seed: 9 });
      expect(Array.from(other.at(13).rows)).to.deep.equal(run[13]);
      expect(other.iteration).to.equal(0); // at() does not move the schedule
      other.seek(17);
      expect(Array.from(other.next().value.rows)).to.deep.equal(run[17]);
      const saved = other.save();
      const ahead = rowsOf(take(other, 2));
      other.seek(2);
      other.restore(saved);
      expect(rowsOf(take(other, 2))).to.deep.equal(ahead);
      expect(other.iteration).to.equal(20);
    }
  });

  it('createSchedule(n, B, options) rejects batch sizes outside 1 .. n and unknown samplings', () => {
    expect(() => createSchedule(10, 0)).to.throw(RangeError, /1 to 10/);
    expect(() => createSchedule(10, 11)).to.throw(RangeError, /1 to 10/);
    expect(() => createSchedule(10, 2.5)).to.throw(RangeError);
    expect(() => createSchedule(10, 2, { sampling: 'bogus' as 'epoch' })).to.throw(
      RangeError,
      /bogus/,
    );
    expect(() => createSchedule(10, 2).seek(-1)).to.throw(RangeError);
    expect(createSchedule(10, 10).next().value.rows.length).to.equal(10);
  });
});

describe('createSchedule: limits and random access', () => {
  it('createSchedule takes n ≥ 1 and B = 1, and refuses n < 1, a fraction or a non-finite seed', () => {
    expect(createSchedule(1, 1).at(0).rows).to.deep.equal(Uint32Array.of(0));
    expect(createSchedule(5, 1).batchesPerEpoch).to.equal(5);
    expect(() => createSchedule(0, 1)).to.throw(RangeError, /n must be/);
    expect(() => createSchedule(2.5, 1)).to.throw(RangeError, /n must be/);
    expect(() => createSchedule(5, 2, { seed: NaN })).to.throw(RangeError, /seed/);
  });

  it('schedule.at(k) in a later epoch, asked first, deals the same rows as after the earlier epochs', () => {
    const walked = createSchedule(12, 4, { seed: 9 });
    const expected = rowsOf(take(walked, 6).slice(3));
    const fresh = createSchedule(12, 4, { seed: 9 });
    expect(rowsOf([fresh.at(3), fresh.at(4), fresh.at(5)])).to.deep.equal(expected);
    expect(expected.flat().sort((a, b) => a - b)).to.deep.equal(
      Array.from({ length: 12 }, (_, k) => k),
    );
  });
});
