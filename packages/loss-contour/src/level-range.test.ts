import { expect } from '@open-wc/testing';
import { LevelRange, framesRange, ownRange } from './level-range.js';
import { landscapeOf, makeGrid, plane } from './test-helpers/landscapes.js';

// plane(): loss w1 + 20, 0..40; steep: 0..80; on another grid: 0..10.
const steep = landscapeOf(makeGrid(), (w1) => (w1 + 20) * 2);
const other = landscapeOf(makeGrid(9, [0, 1], [0, 1]), (w1) => w1 * 10);
const none = { own: false, full: null, frames: null };

describe('LevelRange', () => {
  it('range.for(batch, {full}) fixes the full landscape’s range, whatever batch comes first', () => {
    const range = new LevelRange();
    expect(range.for(steep, { ...none, full: plane() })).to.deep.equal([0, 40]);
    // Fixed: a later batch, even without the full landscape, keeps it.
    expect(range.for(other, none)).to.deep.equal([0, 40]);
  });

  it('range.release() lets the next landscape fix the range again', () => {
    const range = new LevelRange();
    expect(range.for(steep, none)).to.deep.equal([0, 80]);
    range.release();
    expect(range.for(plane(), none)).to.deep.equal([0, 40]);
  });

  it('range.for(l, {own}) gives each landscape its own range; a full landscape on another grid is not used', () => {
    const range = new LevelRange();
    expect(range.for(steep, { ...none, own: true, full: plane() })).to.deep.equal([0, 80]);
    expect(range.for(other, { ...none, full: plane() })).to.deep.equal([0, 10]);
  });

  it('range.for(frame, {frames}) fixes the range over all frames', () => {
    const frames = [plane(), steep];
    expect(framesRange(frames)).to.deep.equal([0, 80]);
    expect(new LevelRange().for(plane(), { ...none, frames: framesRange(frames) })).to.deep.equal([
      0, 80,
    ]);
  });

  it('range.at(t) eases from the range on screen to the next, landing on it at t = 1', () => {
    const range = new LevelRange();
    range.jump([0, 40]);
    range.start([20, 80]);
    range.at(0);
    expect(range.now).to.deep.equal([0, 40]);
    range.at(0.5);
    expect(range.now).to.deep.equal([10, 60]);
    range.at(1);
    expect(range.now).to.deep.equal([20, 80]);
  });

  it('ownRange scans the values when min and max are not sound', () => {
    const broken = { ...plane(), min: NaN, max: NaN };
    expect(ownRange(broken)).to.deep.equal([0, 40]);
  });
});
