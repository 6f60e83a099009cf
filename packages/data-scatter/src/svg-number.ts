// Pixel coordinates as short SVG attribute text: two decimals are finer than any screen shows.
export const svgNumber = (value: number): string => String(Math.round(value * 100) / 100);
