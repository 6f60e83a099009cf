import { expect } from 'chai';
import { makeDataset } from './dataset.js';
import { resolveRows } from './rows.js';

describe('resolveRows(data, rows)', () => {
  const data = makeDataset('blobs', { n: 5 });

  it("resolveRows(data, 'all') is every row in order, and listed rows come back as they are", () => {
    expect(Array.from(resolveRows(data, 'all'))).to.deep.equal([0, 1, 2, 3, 4]);
    const rows = [4, 0, 4];
    expect(resolveRows(data, rows)).to.equal(rows);
  });

  it('resolveRows(data, rows) refuses an empty batch and any index outside 0 .. n − 1, naming it', () => {
    expect(() => resolveRows(data, [])).to.throw(RangeError, /at least one row/);
    expect(() => resolveRows(data, [0, 5])).to.throw(RangeError, /row 5 .*\(0 \.\. 4\)/);
    expect(() => resolveRows(data, [-1])).to.throw(RangeError, /row -1/);
    expect(() => resolveRows(data, [1.5])).to.throw(RangeError, /row 1\.5/);
  });
});
