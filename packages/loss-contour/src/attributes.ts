// The contour's attribute types: what each attribute accepts (the defaults are the element's field
// initialisers). A bad value keeps the last good one and warns once (kit's @validated).
import { checkLandscape, type Landscape } from '@lossquake/core';
import {
  booleanType,
  colormapNames,
  enumType,
  landscapeModes,
  numberType,
  type AttributeType,
  type LandscapeMode,
} from '@lossquake/kit';

/** `fixed`: levels span the full landscape, the same for every batch; `auto`: each landscape's own. */
export type LevelScale = 'fixed' | 'auto';
export { type LevelSpacing } from './levels.js';

const modeType = enumType(landscapeModes);

/** A mode (the attribute) or a Landscape object to show when no sampler is linked (the property). */
export const landscapeType: AttributeType<LandscapeMode | Landscape> = {
  expected: `${modeType.expected} or a Landscape {grid, values: Float32Array of size² finite numbers}`,
  parse: (value) =>
    typeof value === 'string' ? modeType.parse(value) : (checkLandscape(value) ?? undefined),
};
export const colormapType = enumType(colormapNames);
export const levelsType = numberType({ min: 2, max: 50, integer: true });
export const levelScaleType = enumType(['fixed', 'auto'] as const);
export const levelSpacingType = enumType(['linear', 'log'] as const);
export const transitionType = numberType({ min: 0, max: 10000 });
export const sampleType = numberType({ min: 0, integer: true });
export const frameRateType = numberType({ min: 0.1, max: 60 });
export const flag = booleanType();
