import { expect } from '@open-wc/testing';
import {
  interpolateBlues,
  interpolateCividis,
  interpolateGreys,
  interpolateMagma,
  interpolateViridis,
} from 'd3-scale-chromatic';
import { colormap, colormapNames, colormapTable, type ColormapName } from './colormaps.js';

const d3: Record<ColormapName, (t: number) => string> = {
  blues: interpolateBlues,
  viridis: interpolateViridis,
  magma: interpolateMagma,
  cividis: interpolateCividis,
  greys: interpolateGreys,
};

// Every step of 1/1000, the ends and just past them: each ramp cell and each spline segment is hit.
const ts = [-0.5, -1e-9, ...Array.from({ length: 1001 }, (_, k) => k / 1000), 1 + 1e-9, 2];

describe('colormap(name)(t)', () => {
  for (const name of colormapNames) {
    it(`gives d3-scale-chromatic's colour for ${name} at every t`, () => {
      const ours = colormap(name);
      const differing = ts.filter((t) => ours(t) !== d3[name](t));
      expect(differing).to.deep.equal([]);
    });
  }
});

describe('colormapTable(name, size)', () => {
  it('holds the RGBA of the colour at i / (size - 1), opaque', () => {
    const table = colormapTable('blues', 5);
    // d3 writes rgb(r, g, b) for the ColorBrewer splines.
    const [r, g, b] = d3.blues(0.75).match(/\d+/g)!.map(Number);
    expect(Array.from(table.subarray(12, 16))).to.deep.equal([r, g, b, 255]);
    const viridis = colormapTable('viridis', 2);
    expect(Array.from(viridis.subarray(0, 4))).to.deep.equal([0x44, 0x01, 0x54, 255]);
  });
});
