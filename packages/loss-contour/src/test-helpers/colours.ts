// Computed colours as numbers: Chromium writes mixed colours as `color(srgb r g b / a)` (0..1), plain
// ones as `rgb(r, g, b)` (0..255).
export function channels(css: string): { rgb: [number, number, number]; alpha: number } {
  const srgb = /color\(srgb ([-\d.e]+) ([-\d.e]+) ([-\d.e]+)(?: \/ ([\d.]+))?\)/.exec(css);
  if (srgb) {
    const [r, g, b] = [1, 2, 3].map((k) => Math.round(Math.min(1, Number(srgb[k])) * 255));
    return { rgb: [r!, g!, b!], alpha: srgb[4] === undefined ? 1 : Number(srgb[4]) };
  }
  const rgb = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(css);
  if (!rgb) throw new Error(`unreadable colour ${css}`);
  return {
    rgb: [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])],
    alpha: rgb[4] === undefined ? 1 : Number(rgb[4]),
  };
}

/** Mean of the channels, 0 (black) .. 255 (white). */
export function lightness(css: string): number {
  const [r, g, b] = channels(css).rgb;
  return (r + g + b) / 3;
}
