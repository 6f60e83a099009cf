// Reads a user's data set from CSV or JSON text, naming the line and the problem when it cannot.

import { DatasetError } from './errors.js';
import { MAX_ROWS, MIN_ROWS } from './dataset.js';
import type { Dataset } from './types.js';

export type DatasetFormat = 'csv' | 'json';

/** A plain decimal or scientific literal; Number() alone would accept '', '0x10' and ' 1 '. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^[+-]?(?:nan|inf|infinity)$/i;
/** Fields split on a comma, semicolon or tab (with any spaces around), or on runs of spaces. */
const SEPARATOR = /\s*[,;\t]\s*|\s+/;
const SEPARATOR_AT = new RegExp(SEPARATOR.source, 'y');
/** An RFC 4180 quoted field: `"..."`, a quote inside written twice. */
const QUOTED_AT = /"((?:[^"]|"")*)"/y;
const PLAIN_AT = /[^,;\t\s]*/y;

/**
 * The largest feature magnitude a data set may hold. Landscapes store losses as float32 (at most
 * 3.4e38), and the logistic loss grows as |z|, z = w1·x1 + w2·x2: with |x| ≤ 1e6 and weights in any
 * window an extent allows (|w| ≤ 1e30, kit's extentType) |z| ≤ 2e36, finite and unclamped. The
 * gradient, (σ(z) − y)·x, is at most |x| per weight, so a training step moves a weight by at most
 * learning rate × 1e6; at 1e308 one step already overflows z (NaN after one step; 1e200 after two).
 * Features beyond a million are unscaled units, which no ±20 window shows anyway.
 */
export const MAX_FEATURE = 1e6;

/**
 * Parses CSV (columns x1, x2, y; header optional; blank lines and `#` comments skipped; commas,
 * semicolons, tabs or spaces between fields) or JSON (`{x: [[x1, x2], ...], y: [...]}`, or an array
 * of `[x1, x2, y]` rows). Without `format`, text whose first non-space character is `{` or `[` is
 * JSON. Every problem throws a `DatasetError`.
 */
export function parseDataset(text: string, format?: DatasetFormat): Dataset {
  if (typeof text !== 'string') throw new DatasetError(`expected text, got ${typeof text}`);
  if (format !== undefined && format !== 'csv' && format !== 'json') {
    throw new DatasetError(`unknown format '${String(format)}' (expected csv or json)`);
  }
  if (text.trim() === '') throw new DatasetError('the data set is empty');
  const json = format ? format === 'json' : /^\s*[[{]/.test(text);
  return json ? parseJson(text) : parseCsv(text);
}

/** The names of `columns` CSV columns: x1 … xd, then y. */
function columnNames(columns: number): string {
  if (columns === 2) return 'x1, y';
  return columns === 3 ? 'x1, x2, y' : `x1 … x${columns - 1}, y`;
}

function parseCsv(text: string): Dataset {
  const xs: number[] = [];
  const ys: number[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  // The first line (a header, or the first row) sets the columns every row must have.
  let columns = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const lineNumber = l + 1;
    const fields = line.includes('"') ? splitQuoted(line, lineNumber) : line.split(SEPARATOR);
    if (columns === 0) {
      columns = fields.length;
      if (columns < 2) {
        throw new DatasetError(
          `expected features and a label (x1, x2, y), found ${columns} value`,
          lineNumber,
        );
      }
      if (fields.every((f) => !NUMBER.test(f) && !SPECIAL.test(f))) continue;
    }
    if (fields.length !== columns) {
      throw new DatasetError(
        `expected ${columns} values (${columnNames(columns)}) like the first line, found ${fields.length}`,
        lineNumber,
      );
    }
    if (ys.length === MAX_ROWS) throw new DatasetError(`more than ${MAX_ROWS} rows`, lineNumber);
    for (let c = 0; c < columns - 1; c++)
      xs.push(feature(csvNumber(fields[c]!, lineNumber), `x${c + 1}`, lineNumber));
    ys.push(csvLabel(fields[columns - 1]!, lineNumber));
  }
  return finish(xs, ys, columns - 1);
}

/** The fields of a CSV line that has quotes: a quoted field may hold separators and `""`. */
function splitQuoted(line: string, lineNumber: number): string[] {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    const pattern = line[at] === '"' ? QUOTED_AT : PLAIN_AT;
    pattern.lastIndex = at;
    const match = pattern.exec(line);
    if (!match) throw new DatasetError('a quoted field has no closing quote', lineNumber);
    fields.push(pattern === QUOTED_AT ? match[1]!.replace(/""/g, '"') : match[0]);
    at = pattern.lastIndex;
    if (at === line.length) return fields;
    SEPARATOR_AT.lastIndex = at;
    if (!SEPARATOR_AT.exec(line)) {
      throw new DatasetError(
        `'${clip(line.slice(at))}' follows a quoted field; expected a separator`,
        lineNumber,
      );
    }
    at = SEPARATOR_AT.lastIndex;
    if (at === line.length) return [...fields, ''];
  }
}

/** `value` as a feature, or a DatasetError naming where it is and the bound it passes. */
function feature(value: number, column: string, line?: number, where?: string): number {
  if (Math.abs(value) <= MAX_FEATURE) return value;
  const at = where === undefined ? column : `${where} ${column}`;
  throw new DatasetError(
    `${at} = ${value} is beyond ±${MAX_FEATURE.toExponential()}, where the loss would overflow; scale the features (standardise them)`,
    line,
  );
}

function csvNumber(field: string, line: number): number {
  if (field === '') throw new DatasetError('a value is missing', line);
  if (!NUMBER.test(field)) {
    if (SPECIAL.test(field)) throw new DatasetError(`'${field}' is not a finite number`, line);
    throw new DatasetError(`'${clip(field)}' is not a number`, line);
  }
  const value = Number(field);
  if (!Number.isFinite(value))
    throw new DatasetError(`'${clip(field)}' is not a finite number`, line);
  return value;
}

function csvLabel(field: string, line: number): number {
  const value = csvNumber(field, line);
  if (value !== 0 && value !== 1)
    throw new DatasetError(`the label '${clip(field)}' must be 0 or 1`, line);
  return value;
}

function parseJson(text: string): Dataset {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const line = position
      ? text.slice(0, Number(position[1])).split(/\r\n|\n|\r/).length
      : undefined;
    throw new DatasetError(`invalid or truncated JSON (${detail})`, line);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  if (Array.isArray(data)) {
    checkJsonLength(data.length, 'the array');
    // The first row sets the columns: x1 … xd, then y.
    const columns = Array.isArray(data[0]) ? Math.max(data[0].length, 2) : 3;
    data.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== columns) {
        throw new DatasetError(
          `row ${r} must be [${columnNames(columns)}] like row 0, got ${describe(row)}`,
        );
      }
      for (let c = 0; c < columns - 1; c++)
        xs.push(feature(jsonNumber(row[c], `row ${r}`), `x${c + 1}`, undefined, `row ${r}:`));
      ys.push(jsonLabel(row[columns - 1], `row ${r}`));
    });
    return finish(xs, ys, columns - 1);
  }
  if (data === null || typeof data !== 'object') {
    throw new DatasetError(`expected {x: [[x1, x2], ...], y: [...]}, got ${describe(data)}`);
  }
  const { x, y } = data as { x?: unknown; y?: unknown };
  if (!Array.isArray(x))
    throw new DatasetError(`'x' must be an array of [x1, x2] pairs, got ${describe(x)}`);
  if (!Array.isArray(y))
    throw new DatasetError(`'y' must be an array of 0/1 labels, got ${describe(y)}`);
  if (x.length !== y.length)
    throw new DatasetError(`'x' has ${x.length} rows but 'y' has ${y.length}`);
  checkJsonLength(x.length, "'x'");
  // The first row sets the features per row, d.
  const d = Array.isArray(x[0]) ? Math.max(x[0].length, 1) : 2;
  x.forEach((features, r) => {
    if (!Array.isArray(features) || features.length !== d) {
      const shape = d === 2 ? 'a pair [x1, x2]' : `${d} features like x[0]`;
      throw new DatasetError(`x[${r}] must be ${shape}, got ${describe(features)}`);
    }
    for (let c = 0; c < d; c++)
      xs.push(feature(jsonNumber(features[c], `x[${r}]`), `x${c + 1}`, undefined, `x[${r}]:`));
  });
  y.forEach((label, r) => ys.push(jsonLabel(label, `y[${r}]`)));
  return finish(xs, ys, d);
}

function checkJsonLength(length: number, what: string): void {
  if (length > MAX_ROWS)
    throw new DatasetError(`${what} has ${length} rows, more than ${MAX_ROWS}`);
}

function jsonNumber(value: unknown, where: string): number {
  // JSON itself cannot hold NaN or Infinity, but numeric strings are a common export habit.
  const number = typeof value === 'string' && NUMBER.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number')
    throw new DatasetError(`${where}: ${describe(value)} is not a number`);
  if (!Number.isFinite(number))
    throw new DatasetError(`${where}: ${describe(value)} is not a finite number`);
  return number;
}

function jsonLabel(value: unknown, where: string): number {
  const label = jsonNumber(value, where);
  if (label !== 0 && label !== 1)
    throw new DatasetError(`${where}: the label ${describe(value)} must be 0 or 1`);
  return label;
}

/**
 * Checks a Dataset object given directly (not parsed from text) as parseDataset checks text: a row
 * count from MIN_ROWS to MAX_ROWS, x of n×d finite features (d = 2 when absent) within
 * ±MAX_FEATURE, y of 0/1 labels. Throws a DatasetError naming the first problem.
 */
export function checkDataset(data: Dataset): Dataset {
  const { n, x, y } = data;
  const d = (data as { d?: number }).d ?? 2;
  if (!Number.isInteger(n) || n < MIN_ROWS || n > MAX_ROWS)
    throw new DatasetError(`n must be an integer from ${MIN_ROWS} to ${MAX_ROWS}, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new DatasetError(`d must be an integer ≥ 1, got ${d}`);
  if (!(x instanceof Float64Array) || x.length !== d * n)
    throw new DatasetError(`x must be a Float64Array of ${d * n} values (n×${d})`);
  if (!(y instanceof Uint8Array) || y.length !== n)
    throw new DatasetError(`y must be a Uint8Array of ${n} labels`);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < d; c++) {
      const value = x[d * r + c]!;
      if (!Number.isFinite(value))
        throw new DatasetError(`row ${r}: x${c + 1} = ${value} is not a finite number`);
      feature(value, `x${c + 1}`, undefined, `row ${r}:`);
    }
    if (y[r]! > 1) throw new DatasetError(`row ${r}: the label ${y[r]} must be 0 or 1`);
  }
  return data;
}

/** The data set; `d` is written only when it is not 2, so two-feature data look as they always did. */
function finish(xs: number[], ys: number[], d: number): Dataset {
  const n = ys.length;
  if (n === 0) throw new DatasetError('the data set has no rows');
  if (n < MIN_ROWS)
    throw new DatasetError(`the data set has ${n} row; at least ${MIN_ROWS} are needed`);
  const data: Dataset = { n, x: Float64Array.from(xs), y: Uint8Array.from(ys) };
  if (d !== 2) data.d = d;
  return data;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return `'${clip(value)}'`;
    case 'object':
      return 'an object';
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    default:
      // JSON.parse gives none of these; a caller's own object might.
      return typeof value;
  }
}

/** Keeps messages readable when a field is a whole pasted document. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
