// The surface's attribute types: what each attribute accepts (the defaults are the element's field
// initialisers). A bad value keeps the last good one and warns once (kit's @validated).
import { checkLandscape, type Landscape } from '@lossquake/core';
import {
  booleanType,
  colormapNames,
  enumType,
  landscapeModes,
  numberType,
  zRangeType,
  type AttributeType,
  type LandscapeMode,
  type ZRange,
} from '@lossquake/kit';
import { wrapAzimuth } from './camera.js';

/** The landscapes of a linked sampler the surface can show (a variance map is the contour's). */
export type SurfaceMode = Exclude<LandscapeMode, 'variance'>;
const surfaceModes = landscapeModes.filter((m): m is SurfaceMode => m !== 'variance');

const modeType = enumType(surfaceModes);

/** A mode (the attribute) or a Landscape object to show when no sampler is linked (the property). */
export const landscapeType: AttributeType<SurfaceMode | Landscape> = {
  expected: `${modeType.expected} or a Landscape {grid, values: Float32Array of size² finite numbers}`,
  parse: (value) =>
    typeof value === 'string' ? modeType.parse(value) : (checkLandscape(value) ?? undefined),
};

const azimuthNumber = numberType({});
/** Any angle, kept in (-180, 180]. */
export const azimuthType: AttributeType<number> = {
  expected: azimuthNumber.expected,
  parse: (value) => {
    const degrees = azimuthNumber.parse(value);
    return degrees === undefined ? undefined : wrapAzimuth(degrees);
  },
};
export const elevationType = numberType({ min: -90, max: 90 });
export const zoomType = numberType({ min: 0.25, max: 8 });
export const colormapType = enumType(colormapNames);
export const transitionType = numberType({ min: 0, max: 10000 });
export const sampleType = numberType({ min: 0, integer: true });
export const frameRateType = numberType({ min: 0.1, max: 60 });
/**
 * The Loss axis: `grow` (every landscape shown since the last reset or new data fits, so the axis only
 * widens within a run and a quake stays comparable with the batches before it), `auto` (each
 * landscape's own range) or a fixed `[min, max]`.
 */
export type SurfaceZRange = 'grow' | ZRange;
const kitZRange = zRangeType();
export const zRange: AttributeType<SurfaceZRange> = {
  expected: `"grow", ${kitZRange.expected}`,
  parse: (value) =>
    typeof value === 'string' && value.trim() === 'grow' ? 'grow' : kitZRange.parse(value),
};
export const flag = booleanType();
export const groupType: AttributeType<string | null> = {
  expected: 'a group name',
  parse: (value) => (typeof value === 'string' ? value : undefined),
};
