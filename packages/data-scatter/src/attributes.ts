// The scatter's attribute types: what each accepts (the defaults are the element's field
// initialisers). A bad value keeps the last good one and warns once (kit's @validated).
import { checkDataset, type Dataset } from '@lossquake/core';
import { booleanType, numberType, type AttributeType } from '@lossquake/kit';

/** Radius of a point in CSS pixels. */
export const pointSizeType = numberType({ min: 0.5, max: 20 });
export const flag = booleanType();

/** A core Dataset object (the property only: there is no text form of a data set here). */
export const dataType: AttributeType<Dataset | null> = {
  expected:
    'a Dataset {n, x: Float64Array (n×d), y: Uint8Array of 0 | 1} (set the `data` property)',
  parse: (value) => {
    if (typeof value !== 'object' || value === null) return undefined;
    try {
      return checkDataset(value as Dataset);
    } catch {
      return undefined;
    }
  },
};

/** Rows to circle when no sampler is linked: "0 4 9" (the attribute) or any array-like of them. */
export const rowsType: AttributeType<Uint32Array> = {
  expected: 'row indices (whole numbers ≥ 0), e.g. "0 4 9" or [0, 4, 9]',
  parse: (value) => {
    const list =
      typeof value === 'string'
        ? value.trim() === ''
          ? []
          : value
              .trim()
              .split(/[\s,]+/)
              .map(Number)
        : typeof value === 'object' && value !== null && 'length' in value
          ? Array.from(value as ArrayLike<unknown>)
          : undefined;
    if (!list) return undefined;
    if (!list.every((r) => typeof r === 'number' && Number.isInteger(r) && r >= 0))
      return undefined;
    return Uint32Array.from(list as number[]);
  },
};
