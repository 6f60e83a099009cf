// The five colour maps the views draw with, as data: copied from d3-scale-chromatic 3.1.1 so that
// no scheme we do not use is shipped. `colormap(name)(t)` returns the very strings d3 returns
// (colormaps.test.ts compares them at many t).
//
// d3-scale-chromatic, Copyright 2010-2026 Mike Bostock, under the ISC licence:
//   Permission to use, copy, modify, and/or distribute this software for any purpose with or without
//   fee is hereby granted, provided that the above copyright notice and this permission notice
//   appear in all copies.
//   THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS
//   SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE
//   AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
//   WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT,
//   NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
//   PERFORMANCE OF THIS SOFTWARE.
// Blues and Greys are ColorBrewer schemes: Copyright 2002 Cynthia Brewer, Mark Harrower, and The
// Pennsylvania State University, under the Apache License, Version 2.0
// (http://www.apache.org/licenses/LICENSE-2.0). Viridis and magma come from matplotlib, by Nathaniel
// J. Smith, Stéfan van der Walt and Eric Firing (CC0); cividis, by Jamie R. Nuñez, Christopher R.
// Anderton and Ryan S. Renslow, is d3's polynomial fit of it.

export const colormapNames = ['blues', 'viridis', 'magma', 'cividis', 'greys'] as const;
export type ColormapName = (typeof colormapNames)[number];

/** 256 colours as 6-digit hex, picked by t in [0, 1] without blending (d3's `ramp`). */
function ramp(hex: string): (t: number) => string {
  const n = hex.length / 6;
  const colours = Array.from({ length: n }, (_, i) => `#${hex.slice(i * 6, i * 6 + 6)}`);
  return (t) => colours[Math.max(0, Math.min(n - 1, Math.floor(t * n)))]!;
}

// d3-color's formatting: each channel rounded and clamped to 0..255 (NaN gives 0).
const channel = (v: number): number => Math.max(0, Math.min(255, Math.round(v) || 0));
const rgbText = (r: number, g: number, b: number): string =>
  `rgb(${channel(r)}, ${channel(g)}, ${channel(b)})`;

/** One channel of d3-interpolate's uniform B-spline through `values` (`interpolateBasis`). */
function basis(values: readonly number[]): (t: number) => number {
  const n = values.length - 1;
  return (t) => {
    const i = t <= 0 ? ((t = 0), 0) : t >= 1 ? ((t = 1), n - 1) : Math.floor(t * n);
    const v1 = values[i]!;
    const v2 = values[i + 1]!;
    const v0 = i > 0 ? values[i - 1]! : 2 * v1 - v2;
    const v3 = i < n - 1 ? values[i + 2]! : 2 * v2 - v1;
    const s = (t - i / n) * n;
    const s2 = s * s;
    const s3 = s2 * s;
    return (
      ((1 - 3 * s + 3 * s2 - s3) * v0 +
        (4 - 6 * s2 + 3 * s3) * v1 +
        (1 + 3 * s + 3 * s2 - 3 * s3) * v2 +
        s3 * v3) /
      6
    );
  };
}

/** d3's `interpolateRgbBasis` through a ColorBrewer scheme (its largest, 9-colour variant). */
function rgbBasis(hex: string): (t: number) => string {
  const [r, g, b] = [16, 8, 0].map((shift) =>
    basis(
      Array.from(
        { length: hex.length / 6 },
        (_, i) => (parseInt(hex.slice(i * 6, i * 6 + 6), 16) >> shift) & 255,
      ),
    ),
  ) as [(t: number) => number, (t: number) => number, (t: number) => number];
  return (t) => rgbText(r(t), g(t), b(t));
}

/** d3's polynomial fit of cividis. */
function cividis(t: number): string {
  t = Math.max(0, Math.min(1, t));
  return rgbText(
    -4.54 - t * (35.34 - t * (2381.73 - t * (6402.7 - t * (7024.72 - t * 2710.57)))),
    32.49 + t * (170.73 + t * (52.82 - t * (131.46 - t * (176.58 - t * 67.37)))),
    81.24 + t * (442.36 - t * (2482.43 - t * (6167.24 - t * (6614.94 - t * 2475.67)))),
  );
}

const viridisHex =
  '44015444025645045745055946075a46085c460a5d460b5e470d60470e61471063471164471365481467481668481769' +
  '48186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677482878482979472a7a472c7a' +
  '472d7b472e7c472f7d46307e46327e46337f463480453581453781453882443983443a83443b84433d84433e85423f85' +
  '4240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a3d4e8a3c4f8a3c508b3b518b' +
  '3b528b3a538b3a548c39558c39568c38588c38598c375a8c375b8d365c8d365d8d355e8d355f8d34608d34618d33628d' +
  '33638d32648e32658e31668e31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e' +
  '2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e277e8e277f8e27808e26818e' +
  '26828e26828e25838e25848e25858e24868e24878e23888e23898e238a8d228b8d228c8d228d8d218e8d218f8d21908d' +
  '21918c20928c20928c20938c1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f88' +
  '1fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a88423a98324aa8325ab8225ac8226ad8127ad81' +
  '28ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b32b67a34b67935b77937b87838b9773aba763bbb753dbc74' +
  '3fbc7340bd7242be7144bf7046c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc863' +
  '5ec96260ca6063cb5f65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d34d' +
  '84d44b86d54989d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32' +
  'addc30b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e21a' +
  'd8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61ef6e620f8e621fbe723fde725';

const magmaHex =
  '00000401000501010601010802010902020b02020d03030f03031204041405041606051806051a07061c08071e090720' +
  '0a08220b09240c09260d0a290e0b2b100b2d110c2f120d31130d34140e36150e38160f3b180f3d19103f1a10421c1044' +
  '1d11471e114920114b21114e22115024125325125527125829115a2a115c2c115f2d11612f1163311165331067341069' +
  '36106b38106c390f6e3b0f703d0f713f0f72400f74420f75440f764510774710784910784a10794c117a4e117b4f127b' +
  '51127c52137c54137d56147d57157e59157e5a167e5c167f5d177f5f187f601880621980641a80651a80671b80681c81' +
  '6a1c816b1d816d1d816e1e81701f81721f817320817521817621817822817922827b23827c23827e2482802582812581' +
  '8326818426818627818827818928818b29818c29818e2a81902a81912b81932b80942c80962c80982d80992d809b2e7f' +
  '9c2e7f9e2f7fa02f7fa1307ea3307ea5317ea6317da8327daa337dab337cad347cae347bb0357bb2357bb3367ab5367a' +
  'b73779b83779ba3878bc3978bd3977bf3a77c03a76c23b75c43c75c53c74c73d73c83e73ca3e72cc3f71cd4071cf4070' +
  'd0416fd2426fd3436ed5446dd6456cd8456cd9466bdb476adc4869de4968df4a68e04c67e24d66e34e65e44f64e55064' +
  'e75263e85362e95462ea5661eb5760ec5860ed5a5fee5b5eef5d5ef05f5ef1605df2625df2645cf3655cf4675cf4695c' +
  'f56b5cf66c5cf66e5cf7705cf7725cf8745cf8765cf9785df9795df97b5dfa7d5efa7f5efa815ffb835ffb8560fb8761' +
  'fc8961fc8a62fc8c63fc8e64fc9065fd9266fd9467fd9668fd9869fd9a6afd9b6bfe9d6cfe9f6dfea16efea36ffea571' +
  'fea772fea973feaa74feac76feae77feb078feb27afeb47bfeb67cfeb77efeb97ffebb81febd82febf84fec185fec287' +
  'fec488fec68afec88cfeca8dfecc8ffecd90fecf92fed194fed395fed597fed799fed89afdda9cfddc9efddea0fde0a1' +
  'fde2a3fde3a5fde5a7fde7a9fde9aafdebacfcecaefceeb0fcf0b2fcf2b4fcf4b6fcf6b8fcf7b9fcf9bbfcfbbdfcfdbf';

const interpolators: Record<ColormapName, (t: number) => string> = {
  blues: rgbBasis('f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b'),
  viridis: ramp(viridisHex),
  magma: ramp(magmaHex),
  cividis,
  greys: rgbBasis('fffffff0f0f0d9d9d9bdbdbd969696737373525252252525000000'),
};

/** CSS colour at t in [0, 1] (low loss at 0). */
export function colormap(name: ColormapName): (t: number) => string {
  return interpolators[name];
}

function parseColour(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const value = parseInt(hex[1]!, 16);
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
