import { expect } from 'chai';
import { DatasetError } from './errors.js';
import { checkDataset, parseDataset } from './parse.js';
import { createGrid } from './grid.js';
import { batchGradient, lossGrid } from './landscape.js';
import { logistic } from './models/logistic.js';
import { createOptimizer } from './optimizer.js';
import type { Vec2 } from './types.js';

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
      ['1,2,0\n1,2\n', 2, /line 2: expected 3 values \(x1, x2, y\) like the first line, found 2/],
      ['1,2,0\n1,2,0,4\n', 2, /found 4/],
      ['1,2,0\n1,,0\n', 2, /missing/],
      ['1,2,0\nNaN,2,0\n', 2, /'NaN' is not a finite number/],
      ['1,2,0\n1,Infinity,0\n', 2, /'Infinity' is not a finite number/],
      ['1,2,0\n1,1e999,0\n', 2, /'1e999' is not a finite number/],
      ['1,2,0\n0x10,2,0\n', 2, /'0x10' is not a number/],
      ['a,b\n1,2,0\n', 2, /expected 2 values \(x1, y\) like the first line, found 3/],
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
    expect(failure('{"x": [], "y": []}', 'csv').message).to.match(
      /header|not a number|values|quoted field/,
    );
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

describe('parseDataset: quoted CSV fields (RFC 4180)', () => {
  it('parseDataset(csv) reads a first row of quoted numbers as data, not a header', () => {
    const data = parseDataset('"1.5","2","0"\n"-3",4,"1"\n');
    expect(data.n).to.equal(2);
    expect(Array.from(data.x)).to.deep.equal([1.5, 2, -3, 4]);
    expect(Array.from(data.y)).to.deep.equal([0, 1]);
  });

  it('parseDataset(csv) reads a quoted header with commas and doubled quotes in it', () => {
    const data = parseDataset('"x1, cm","the ""x2""",y\n1,2,0\n3,"4",1');
    expect(data.n).to.equal(2);
    expect(Array.from(data.x)).to.deep.equal([1, 2, 3, 4]);
  });

  it('parseDataset(csv) names the line of an unclosed quote or text after a quoted field', () => {
    expect(failure('1,2,0\n"3,4,1').message).to.equal(
      'line 2: a quoted field has no closing quote',
    );
    expect(failure('1,2,0\n"3"x,4,1').message).to.match(/^line 2: 'x,4,1' follows a quoted field/);
    expect(failure('1,2,0\n"3,5",4,1').message).to.match(/^line 2: '3,5' is not a number/);
  });
});

describe('parseDataset: features the maths can hold', () => {
  it('parseDataset(csv) refuses a feature beyond ±1e6, naming the line, the column and the bound', () => {
    for (const big of ['1e308', '1e200', '-1000001']) {
      const error = failure(`x1,x2,y\n1,2,0\n3,${big},1\n`);
      expect(error.line).to.equal(3);
      expect(error.message)
        .to.contain('x2')
        .and.contain(String(Number(big)))
        .and.contain('1e+6');
    }
    expect(parseDataset('1e6,-1e6,0\n0,0,1').x[1]).to.equal(-1e6);
  });

  it('parseDataset(json) refuses a feature beyond ±1e6 in either shape, naming the row and column', () => {
    expect(failure('[[1, 2, 0], [1e200, 2, 1]]').message).to.match(
      /^row 1: x1 = 1e\+200 is beyond/,
    );
    expect(failure('{"x": [[1, 2], [1, "-2e6"]], "y": [0, 1]}').message).to.match(
      /^x\[1\]: x2 = -2000000 is beyond/,
    );
  });

  it('checkDataset(data) refuses what parseDataset would, naming the row', () => {
    const data = (x: number[], y = [0, 1]) => ({
      n: y.length,
      x: Float64Array.from(x),
      y: Uint8Array.from(y),
    });
    expect(checkDataset(data([1, 2, 3, 4])).n).to.equal(2);
    expect(() => checkDataset(data([1, 2, 3, 1e308]))).to.throw(
      DatasetError,
      /^row 1: x2 = 1e\+308/,
    );
    expect(() => checkDataset(data([NaN, 2, 3, 4]))).to.throw(DatasetError, /row 0: x1 = NaN/);
    expect(() => checkDataset(data([1, 2, 3, 4], [0, 2]))).to.throw(DatasetError, /label 2/);
    expect(() => checkDataset(data([1, 2], [1]))).to.throw(DatasetError, /n must be/);
    const wide = {
      n: 2,
      d: 3,
      x: Float64Array.from([1, 2, 3, 4, 5, 6e6]),
      y: Uint8Array.from([0, 1]),
    };
    expect(() => checkDataset(wide)).to.throw(DatasetError, /^row 1: x3 = 6000000 is beyond/);
  });

  it('lossGrid(logistic, data at ±1e6, window at ±1e30) stays finite, as the bound promises', () => {
    const data = parseDataset('1e6,-1e6,0\n-1e6,1e6,1\n1e6,1e6,1');
    const landscape = lossGrid(logistic, data, 'all', createGrid([-1e30, 1e30, -1e30, 1e30], 5));
    // The worst corner, w = (1e30, −1e30): rows 0 and 1 have |z| = 2e36 on the wrong side (a loss of
    // 2e36 each), row 2 has z = 0 (ln 2): a mean of 4e36 / 3, below float32's 3.4e38.
    expect(landscape.values.every(Number.isFinite)).to.equal(true);
    expect(landscape.max).to.be.closeTo(4e36 / 3, 1e31);
    let w: Vec2 = [0, 0];
    const sgd = createOptimizer('sgd', { learningRate: logistic.defaultLearningRate });
    for (let k = 0; k < 100; k++) w = sgd.step(w, batchGradient(logistic, data, 'all', w));
    expect(w.every(Number.isFinite)).to.equal(true);
  });

  it('parseDataset reads any number of feature columns, x1 … xd then y, for a network', () => {
    const csv = parseDataset('x1,x2,x3,y\n1,2,3,0\n4,5,6,1\n');
    expect(csv.d).to.equal(3);
    expect(Array.from(csv.x)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(Array.from(csv.y)).to.deep.equal([0, 1]);
    const rows = parseDataset('[[1, 2, 3, 4, 1], [5, 6, 7, 8, 0]]');
    expect(rows.d).to.equal(4);
    expect(Array.from(rows.x)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    const object = parseDataset('{"x": [[1], [2], [3]], "y": [0, 1, 0]}');
    expect(object.d).to.equal(1);
    // Two features stay as they always were: no d.
    expect(parseDataset('1,2,0\n3,4,1\n')).not.to.have.property('d');
    expect(() => parseDataset('1,2,3,0\n1,2,0\n')).to.throw(/expected 4 values \(x1 … x3, y\)/);
    expect(() => parseDataset('{"x": [[1, 2, 3], [1, 2]], "y": [0, 1]}')).to.throw(
      /x\[1\] must be 3 features like x\[0\]/,
    );
  });
});
