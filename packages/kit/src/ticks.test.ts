import { expect } from '@open-wc/testing';
import { scaleLinear } from 'd3-scale';
import { axisTicks } from './ticks.js';

describe('axisTicks', () => {
  // d3-scale is the independent reference: the views used its linear scale before.
  const cases: [number, number, number][] = [
    [-20, 20, 5],
    [-20, 20, 9],
    [0, 1, 4],
    [0.001, 0.0042, 5],
    [-3.5, 12000, 6],
    [20, -20, 5],
  ];
  for (const [lo, hi, count] of cases) {
    it(`matches a d3 linear scale's ticks and labels on [${lo}, ${hi}] with ${count} ticks`, () => {
      const scale = scaleLinear().domain([lo, hi]);
      const label = scale.tickFormat(count);
      const expected = scale.ticks(count).map((value) => ({ value, text: label(value) }));
      expect(axisTicks(lo, hi, count)).to.deep.equal(expected);
    });
  }

  it('labels the one tick of a zero-width window plainly (d3 would write "7.000000")', () => {
    expect(axisTicks(7, 7, 3)).to.deep.equal([{ value: 7, text: '7' }]);
  });

  it('writes a true minus sign and thousands separators', () => {
    expect(axisTicks(-20, 20, 5).map((t) => t.text)).to.include('−20');
    expect(axisTicks(0, 20000, 2).map((t) => t.text)).to.include('20,000');
  });
});

describe('axisTicks against d3 on many windows', () => {
  it('agrees with a d3 linear scale on 2,000 random windows and tick counts', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let k = 0; k < 2000; k++) {
      const scale = 10 ** Math.round(random() * 6);
      const lo = random() * scale;
      const hi = lo + Math.abs(random()) * scale * 2;
      const count = 2 + Math.round(Math.abs(random()) * 10);
      const d3 = scaleLinear().domain([lo, hi]);
      const label = d3.tickFormat(count);
      const expected = d3.ticks(count).map((value) => ({ value, text: label(value) }));
      expect(axisTicks(lo, hi, count), `[${lo}, ${hi}] × ${count}`).to.deep.equal(expected);
    }
  });
});
