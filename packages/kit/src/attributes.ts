// Validated attributes: a bad value keeps the last good one and warns once, naming element,
// attribute, value and what was expected. Numbers outside their bounds are clamped (also warned).
import type { Vec2 } from '@lossquake/core';
import { clip, WarnMemory } from './warn.js';

/** How one attribute reads: its parser, what it expects (for the warning) and its default. */
export interface AttributeType<T> {
  expected: string;
  /** The default; a @validated property takes its initialiser instead, so leave this out there. */
  fallback?: T;
  /** The good value for `value` (attribute text or a property value), or undefined when there is none. */
  parse(value: unknown): T | undefined;
  /** Brings a parsed value into bounds; returns it unchanged when it already is. */
  clamp?(value: T): T;
}

/** A type that carries its default (for properties that are not @validated). */
export type Defaulted<T> = AttributeType<T> & { fallback: T };
/** `Defaulted<T>` when a fallback was given, else a plain AttributeType. */
type Typed<T, F> = [F] extends [undefined] ? AttributeType<T> : Defaulted<T>;

const warned = new WeakMap<Element, WarnMemory>();

function describeElement(host: Element): string {
  const id = host.id ? ` id="${host.id}"` : '';
  return `<${host.localName}${id}>`;
}

function text(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}

/** A value as a warning shows it: at most a line, however long the value. */
function show(value: unknown): string {
  return clip(text(value));
}

function warnFor(host: Element, attribute: string, value: unknown, message: string): void {
  let memory = warned.get(host);
  if (!memory) warned.set(host, (memory = new WarnMemory()));
  if (memory.first(`${attribute}=${text(value)}`))
    console.warn(`${describeElement(host)} ${attribute}=${show(value)}: ${message}`);
}

/** Equal values, arrays compared item by item (an attribute re-set to the same pair changes nothing). */
export function same<T>(a: T, b: T): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  return Object.is(a, b);
}

/**
 * The value an element should hold after someone sets `attribute` to `value`.
 * `null`/`undefined` (attribute removed) restores the default.
 */
export function accept<T>(
  host: Element,
  attribute: string,
  value: unknown,
  type: AttributeType<T>,
  current: T,
  fallback: T = type.fallback as T,
): T {
  if (value === null || value === undefined) return fallback;
  const parsed = type.parse(value);
  if (parsed === undefined) {
    warnFor(host, attribute, value, `expected ${type.expected}; keeping ${show(current)}.`);
    return current;
  }
  const clamped = type.clamp ? type.clamp(parsed) : parsed;
  if (!same(clamped, parsed)) {
    warnFor(host, attribute, value, `expected ${type.expected}; using ${show(clamped)}.`);
  }
  return clamped;
}

/** A Lit converter that hands the raw attribute text to the validating setter. */
export const rawAttribute = {
  fromAttribute: (value: string | null) => value,
  toAttribute: (value: unknown) => (Array.isArray(value) ? value.join(' ') : value),
};

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : undefined;
}

function numbers(value: unknown, count: number): number[] | undefined {
  const parts = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.trim().split(/[\s,]+/)
      : undefined;
  if (!parts || parts.length !== count) return undefined;
  const result = parts.map(toNumber);
  return result.every((n) => n !== undefined) ? result : undefined;
}

export function numberType<F extends number | undefined = undefined>(options: {
  fallback?: F;
  min?: number;
  max?: number;
  integer?: boolean;
  expected?: string;
}): Typed<number, F> {
  const { min = -Infinity, max = Infinity, integer = false } = options;
  const bounds =
    min > -Infinity && max < Infinity
      ? ` from ${min} to ${max}`
      : min > -Infinity
        ? ` of at least ${min}`
        : '';
  return <Typed<number, F>>{
    fallback: options.fallback,
    expected: options.expected ?? `${integer ? 'an integer' : 'a number'}${bounds}`,
    parse: (value) => {
      const number = toNumber(value);
      if (number === undefined) return undefined;
      return integer ? Math.round(number) : number;
    },
    clamp: (value) => Math.min(max, Math.max(min, value)),
  };
}

export function enumType<T extends string, F extends T | undefined = undefined>(
  values: readonly T[],
  fallback?: F,
): Typed<T, F> {
  return <Typed<T, F>>{
    fallback,
    expected: `one of ${values.map((v) => `"${v}"`).join(', ')}`,
    parse: (value) =>
      typeof value === 'string' && (values as readonly string[]).includes(value.trim())
        ? (value.trim() as T)
        : undefined,
  };
}

/** Two numbers, "w1 w2" (spaces or commas), as weights. */
export function vec2Type<F extends Vec2 | undefined = undefined>(
  fallback?: F,
  expected = 'two numbers "w1 w2"',
): Typed<Vec2, F> {
  return <Typed<Vec2, F>>{
    fallback,
    expected,
    parse: (value) => {
      return numbers(value, 2) as Vec2 | undefined;
    },
  };
}

/** The weight window, "w1min w1max w2min w2max", each range non-empty. */
export type Extent = readonly [number, number, number, number];

/**
 * The largest weight an extent may reach. Core bounds data features at 1e6 (MAX_FEATURE), so at
 * |w| ≤ 1e30 every z = w·x stays under 2e36, a finite float32 loss; and a range's span stays finite,
 * which the grid's spacing, (max − min) / (size − 1), needs (-1e308..1e308 spans Infinity).
 */
const MAX_WEIGHT = 1e30;

export function extentType<F extends Extent | undefined = undefined>(
  fallback?: F,
): Typed<Extent, F> {
  return <Typed<Extent, F>>{
    fallback,
    expected: 'four numbers "w1min w1max w2min w2max" with min < max, each from -1e30 to 1e30',
    parse: (value) => {
      const four = numbers(value, 4);
      if (!four || four.some((w) => Math.abs(w) > MAX_WEIGHT)) return undefined;
      const [w1min, w1max, w2min, w2max] = four as [number, number, number, number];
      return w1min < w1max && w2min < w2max ? ([w1min, w1max, w2min, w2max] as const) : undefined;
    },
  };
}

/** "auto" or "min max" with min < max: the surface's vertical axis. */
export type ZRange = 'auto' | readonly [number, number];

export function zRangeType(): Defaulted<ZRange> {
  return {
    fallback: 'auto',
    expected: '"auto" or two numbers "min max" with min < max',
    parse: (value) => {
      if (value === 'auto' || (typeof value === 'string' && value.trim() === 'auto')) return 'auto';
      const pair = numbers(value, 2) as [number, number] | undefined;
      return pair && pair[0] < pair[1] ? pair : undefined;
    },
  };
}

const booleanOn = ['', 'true', 'on', '1', 'yes'];
const booleanOff = ['false', 'off', '0', 'no'];

/**
 * A boolean attribute that may default to on (`show-path`): present or "true"/"on"/"1" is on,
 * "false"/"off"/"0" is off, since a plain HTML boolean attribute cannot be switched off by value.
 */
export function booleanType<F extends boolean | undefined = undefined>(
  fallback?: F,
): Typed<boolean, F> {
  return <Typed<boolean, F>>{
    fallback,
    expected: 'no value, "true" or "false" (also on/off, 1/0)',
    parse: (value) => {
      if (typeof value === 'boolean') return value;
      if (typeof value !== 'string') return undefined;
      const text = value.trim().toLowerCase();
      return booleanOn.includes(text) ? true : booleanOff.includes(text) ? false : undefined;
    },
  };
}
