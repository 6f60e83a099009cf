import { expect } from '@open-wc/testing';
import { DatasetError } from './errors.js';
import { parseDataset } from './parse.js';

function failure(text: string, format?: 'csv' | 'json'): DatasetError {
  try {
    parseDataset(text, format);
  } catch (error) {
    expect(error).to.be.instanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error(`parseDataset accepted ${JSON.stringify(text.slice(0, 60))}`);
}

describe('parseDataset(text, format)', () => {
  it('parseDataset(csv) reads x1,x2,y rows with or without a header', () => {
    const expected = { n: 3, x: [1, 2, -0.5, 3e2, 0.25, -4], y: [0, 1, 1] };
    for (const text of [
      'x1,x2,y\n1,2,0\n-0.5,3e2,1\n.25,-4,1\n',
      '1,2,0\r\n-0.5,3e2,1\r\n.25,-4,1',
    ]) {
      const data = parseDataset(text);
      expect({ n: data.n, x: Array.from(data.x), y: Array.from(data.y) }).to.deep.equal(expected);
      expect(data.x).to.be.instanceOf(Float64Array);
      expect(data.y).to.be.instanceOf(Uint8Array);
    }
  });

  it('parseDataset(csv) tolerates spaces, tabs, semicolons, blank lines and # comments', () => {
    const data = parseDataset(
      '# exported\n\n  x1 ; x2 ; y \n 1 ; 2 ; 0\n\n3\t4\t1\n5 6 0\n  7 ,8, 1  \n',
    );
    expect(Array.from(data.x)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(data.y)).to.deep.equal([0, 1, 0, 1]);
  });

  it('parseDataset(csv) names the line and the problem', () => {
    const cases: [string, number | undefined, RegExp][] = [
      ['x1,x2,y\n1,2,0\n1,oops,1\n', 3, /^line 3: 'oops' is not a number$/],
      ['1,2,0\n1,2,2\n', 2, /line 2: the label '2' must be 0 or 1/],
      ['1,2,0\n1,2,0.5\n', 2, /must be 0 or 1/],
      ['1,2,0\n1,2\n', 2, /line 2: expected 3 values \(x1, x2, y\), found 2/],
      ['1,2,0\n1,2,0,4\n', 2, /found 4/],
      ['1,2,0\n1,,0\n', 2, /missing/],
      ['1,2,0\nNaN,2,0\n', 2, /'NaN' is not a finite number/],
      ['1,2,0\n1,Infinity,0\n', 2, /'Infinity' is not a finite number/],
      ['1,2,0\n1,1e999,0\n', 2, /'1e999' is not a finite number/],
      ['1,2,0\n0x10,2,0\n', 2, /'0x10' is not a number/],
      ['a,b\n1,2,0\n', 1, /header has 2 columns/],
      ['x1,x2,y\n1,2,0\n', undefined, /1 row; at least 2/],
      ['x1,x2,y\n\n', undefined, /no rows/],
      ['', undefined, /empty/],
      ['   \n\n', undefined, /empty/],
    ];
    for (const [text, line, message] of cases) {
      const error = failure(text);
      expect(error.name).to.equal('DatasetError');
      expect(error.message, JSON.stringify(text)).to.match(message);
      expect(error.line, JSON.stringify(text)).to.equal(line);
    }
    expect(String(failure('1,2,0\n1,2,0\n1,oops,1'))).to.equal(
      "DatasetError: line 3: 'oops' is not a number",
    );
  });

  it('parseDataset(csv) rejects more than 100 000 rows, at the first one too many', () => {
    const ok = '1,2,0\n'.repeat(100_000);
    expect(parseDataset(ok).n).to.equal(100_000);
    const error = failure(`${ok}1,2,1\n`);
    expect(error.line).to.equal(100_001);
    expect(error.message).to.match(/more than 100000 rows/);
  });

  it('parseDataset(json) reads {x, y} and arrays of rows, detected or named', () => {
    const data = parseDataset(' {"x": [[1, 2], [3, -4]], "y": [0, 1]}');
    expect(Array.from(data.x)).to.deep.equal([1, 2, 3, -4]);
    expect(Array.from(data.y)).to.deep.equal([0, 1]);
    expect(Array.from(parseDataset('[[1, 2, 1], [3, 4, 0]]').y)).to.deep.equal([1, 0]);
    expect(parseDataset('{"x": [[1, 2], [3, 4]], "y": [0, 1]}', 'json').n).to.equal(2);
    // Named 'csv', JSON text is read as CSV, and fails as CSV.
    expect(failure('{"x": [], "y": []}', 'csv').message).to.match(/header|not a number|values/);
  });

  it('parseDataset(json) names the problem', () => {
    const cases: [string, RegExp][] = [
      ['{"x": [[1, 2], [3, 4]], "y": [0, 1]', /invalid or truncated JSON/],
      ['{"x": [[1, 2]], "y": [0, 1]}', /'x' has 1 rows but 'y' has 2/],
      ['{"x": [[1, 2], [3]], "y": [0, 1]}', /x\[1\] must be a pair/],
      ['{"x": [[1, 2], [3, "oops"]], "y": [0, 1]}', /x\[1\]: 'oops' is not a number/],
      ['{"x": [[1, 2], [3, null]], "y": [0, 1]}', /x\[1\]: null is not a number/],
      ['{"x": [[1, 2], [3, 4]], "y": [0, 3]}', /y\[1\]: the label 3 must be 0 or 1/],
      ['{"x": [[1, 2]], "y": [0]}', /at least 2/],
      ['{"y": [0, 1]}', /'x' must be an array/],
      ['[[1, 2, 0], [1, 2]]', /row 1 must be \[x1, x2, y\]/],
      ['"text"', /expected \{x/],
    ];
    for (const [text, message] of cases)
      expect(failure(text, 'json').message, text).to.match(message);
    expect(failure('{\n"x": [[1, 2],\n [3, 4]],\n "y": [0, 1\n').line).to.be.a('number');
  });
});
