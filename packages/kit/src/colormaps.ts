// The colour maps views share (from d3-scale-chromatic), as interpolators and as RGBA lookup tables.
import {
  interpolateBlues,
  interpolateCividis,
  interpolateGreys,
  interpolateMagma,
  interpolateViridis,
} from 'd3-scale-chromatic';

export const colormapNames = ['blues', 'viridis', 'magma', 'cividis', 'greys'] as const;
export type ColormapName = (typeof colormapNames)[number];

const interpolators: Record<ColormapName, (t: number) => string> = {
  blues: interpolateBlues,
  viridis: interpolateViridis,
  magma: interpolateMagma,
  cividis: interpolateCividis,
  greys: interpolateGreys,
};

/** CSS colour at t in [0, 1] (low loss at 0). */
export function colormap(name: ColormapName): (t: number) => string {
  return interpolators[name];
}

function parseColour(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const value = parseInt(hex[1], 16);
    return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  }
  const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`unreadable colour ${css}`);
}

const tables = new Map<string, Uint8Array>();

/** `size` RGBA entries sampled evenly from the map, cached: a texture for WebGL or a canvas lookup. */
export function colormapTable(name: ColormapName, size = 256): Uint8Array {
  const key = `${name}:${size}`;
  let table = tables.get(key);
  if (table) return table;
  table = new Uint8Array(size * 4);
  const interpolate = interpolators[name];
  for (let i = 0; i < size; i++) {
    const [r, g, b] = parseColour(interpolate(size === 1 ? 0 : i / (size - 1)));
    table.set([r, g, b, 255], i * 4);
  }
  tables.set(key, table);
  return table;
}
