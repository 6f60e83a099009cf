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

function parseCsv(text: string): Dataset {
  const xs: number[] = [];
  const ys: number[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let seenFirst = false;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const lineNumber = l + 1;
    const fields = line.split(SEPARATOR);
    if (!seenFirst) {
      seenFirst = true;
      if (fields.every((f) => !NUMBER.test(f) && !SPECIAL.test(f))) {
        if (fields.length !== 3) {
          throw new DatasetError(
            `the header has ${fields.length} columns, expected 3 (x1, x2, y)`,
            lineNumber,
          );
        }
        continue;
      }
    }
    if (fields.length !== 3) {
      throw new DatasetError(`expected 3 values (x1, x2, y), found ${fields.length}`, lineNumber);
    }
    if (ys.length === MAX_ROWS) throw new DatasetError(`more than ${MAX_ROWS} rows`, lineNumber);
    xs.push(csvNumber(fields[0]!, lineNumber), csvNumber(fields[1]!, lineNumber));
    ys.push(csvLabel(fields[2]!, lineNumber));
  }
  return finish(xs, ys);
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
    data.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== 3) {
        throw new DatasetError(`row ${r} must be [x1, x2, y], got ${describe(row)}`);
      }
      xs.push(jsonNumber(row[0], `row ${r}`), jsonNumber(row[1], `row ${r}`));
      ys.push(jsonLabel(row[2], `row ${r}`));
    });
    return finish(xs, ys);
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
  x.forEach((pair, r) => {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new DatasetError(`x[${r}] must be a pair [x1, x2], got ${describe(pair)}`);
    }
    xs.push(jsonNumber(pair[0], `x[${r}]`), jsonNumber(pair[1], `x[${r}]`));
  });
  y.forEach((label, r) => ys.push(jsonLabel(label, `y[${r}]`)));
  return finish(xs, ys);
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

function finish(xs: number[], ys: number[]): Dataset {
  const n = ys.length;
  if (n === 0) throw new DatasetError('the data set has no rows');
  if (n < MIN_ROWS)
    throw new DatasetError(`the data set has ${n} row; at least ${MIN_ROWS} are needed`);
  return { n, x: Float64Array.from(xs), y: Uint8Array.from(ys) };
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
