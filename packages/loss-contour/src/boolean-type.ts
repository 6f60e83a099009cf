// A default-on boolean attribute: present or "true"/"on"/"1" is on, "false"/"off"/"0" is off.
import type { AttributeType } from '@lossquake/batch-sampler';

const on = ['', 'true', 'on', '1', 'yes'];
const off = ['false', 'off', '0', 'no'];

export function booleanType(fallback: boolean): AttributeType<boolean> {
  return {
    fallback,
    expected: 'no value, "true" or "false" (also on/off, 1/0)',
    parse: (value) => {
      if (typeof value === 'boolean') return value;
      if (typeof value !== 'string') return undefined;
      const text = value.trim().toLowerCase();
      return on.includes(text) ? true : off.includes(text) ? false : undefined;
    },
  };
}
