import { expect } from 'chai';
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

describe('parseDataset: the edges of the formats', () => {
  const problem = (run: () => unknown): DatasetError => {
    try {
      run();
    } catch (error) {
      expect(error).to.be.instanceOf(DatasetError);
      return error as DatasetError;
    }
    return expect.fail('no DatasetError thrown');
  };

  it('DatasetError(message) without a line keeps the message as it is', () => {
    const error = new DatasetError('no rows');
    expect([error.message, error.line, error.name]).to.deep.equal([
      'no rows',
      undefined,
      'DatasetError',
    ]);
  });

  it('parseDataset(non-text or unknown format) throws a DatasetError, not a TypeError', () => {
    expect(problem(() => parseDataset(42 as unknown as string)).message).to.match(/expected text/);
    expect(problem(() => parseDataset('1,2,0', 'xml' as 'csv')).message).to.match(/unknown format/);
  });

  it('parseDataset(csv) takes only the first line as a header, and only when no field is a number', () => {
    expect(problem(() => parseDataset('1,2,0\na,b,c')).line).to.equal(2);
    expect(problem(() => parseDataset('a,2,0\n1,2,0')).line).to.equal(1);
  });

  it('parseDataset(text) reads JSON only when the text starts with [ or {', () => {
    // A CSV row with a bracket later on is still CSV, so the error names its line.
    expect(problem(() => parseDataset('x1,x2,y\n1,2,[0]')).line).to.equal(2);
  });

  it('parseDataset(json) names the line of a syntax error past the tenth character', () => {
    expect(problem(() => parseDataset('{"x": [[1,2]],\n"y": [0],\n oops}\n\n')).line).to.equal(3);
  });

  it('parseDataset(json) accepts numeric strings and refuses what is not a number, naming the value', () => {
    const data = parseDataset('{"x": [["1.5", " -2 "], [0, 1]], "y": [1, 0]}');
    expect(Array.from(data.x)).to.deep.equal([1.5, -2, 0, 1]);
    expect(problem(() => parseDataset('[[1, 2, 0], [1, 2]]')).message).to.match(/an array of 2/);
    expect(problem(() => parseDataset('[[1, 2, 0], [1, "a", 0]]')).message).to.match(
      /^row 1: 'a' is not a number/,
    );
    expect(problem(() => parseDataset('[[1, 2, 0], [1, 2, 3]]')).message).to.match(/^row 1: /);
    expect(problem(() => parseDataset('[["1e999", 2, 0], [1, 2, 0]]')).message).to.match(
      /not a finite number/,
    );
    expect(problem(() => parseDataset('{"x": [[1, 2], [1, "b"]], "y": [0, 1]}')).message).to.match(
      /^x\[1\]: /,
    );
    expect(problem(() => parseDataset('[[1, {}, 0], [1, 2, 0]]')).message).to.match(/an object/);
    expect(problem(() => parseDataset('[[1, true, 0], [1, 2, 0]]')).message).to.match(/true/);
    expect(problem(() => parseDataset('[[1, null, 0], [1, 2, 0]]')).message).to.match(/null/);
    expect(problem(() => parseDataset('{"x": [[1, 2], [1, 2]]}')).message).to.match(
      /'y'.*undefined/,
    );
    expect(problem(() => parseDataset('{"x": 3, "y": []}')).message).to.match(/'x'.*3/);
    expect(problem(() => parseDataset('null', 'json')).message).to.match(/got null/);
    const long = `"${'a'.repeat(100)}"`;
    const message = problem(() => parseDataset(`[[${long}, 1, 0], [1, 2, 0]]`)).message;
    expect(message)
      .to.include(`'${'a'.repeat(37)}...'`)
      .and.not.include('a'.repeat(38));
  });

  it('parseDataset(json) refuses more than 100 000 rows in either JSON shape', () => {
    const rows = `[${Array.from({ length: 100_001 }, () => '[1,2,0]').join(',')}]`;
    expect(problem(() => parseDataset(rows)).message).to.match(/the array has 100001 rows/);
    const pairs = Array.from({ length: 100_001 }, () => '[1,2]').join(',');
    const labels = Array.from({ length: 100_001 }, () => '0').join(',');
    const object = `{"x": [${pairs}], "y": [${labels}]}`;
    expect(problem(() => parseDataset(object)).message).to.match(/'x' has 100001 rows/);
    expect(
      parseDataset(`[${Array.from({ length: 100_000 }, () => '[1,2,0]').join(',')}]`).n,
    ).to.equal(100_000);
  });
});
