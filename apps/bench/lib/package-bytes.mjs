// Bytes per dependency of the shipped bundle, read from its source map (dist/lossquake.js.map, which
// the bundle script chains through terser): every character of the minified file is charged to the
// package of the source its mapping segment names. The map describes the file as shipped, after
// terser, which an esbuild metafile (bytes before terser) would not. gzip cannot be split exactly:
// each package's characters are gzipped alone, and the whole file's gzip is shared out in proportion.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = Object.fromEntries([...BASE64].map((c, k) => [c, k]));

/** The numbers of one segment (base64 VLQ, as the source map spec writes them). */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = DIGIT[c];
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** The package a source path belongs to: an npm package by its node_modules name, ours by folder. */
export function packageOf(source) {
  if (/landscape-worker-url/.test(source)) return '@lossquake/batch-sampler (worker starter)';
  const npm = source.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (npm) return npm[1];
  const ours = source.match(
    /(?:^|\/)(?:packages\/)?(core|kit|batch-sampler|loss-surface|loss-contour|data-scatter|lossquake)\/(?:src|dist|scripts)\//,
  );
  return ours ? (ours[1] === 'lossquake' ? 'lossquake' : `@lossquake/${ours[1]}`) : source;
}

/**
 * [{ name, minified, gzipAlone, gzipShare }] for `file`, largest first, with '(licence comments)' and
 * '(unmapped)' for what no segment names (the banner, the glue between modules); null when the file has no map beside it.
 */
export async function bytesPerPackage(file) {
  if (!existsSync(`${file}.map`)) return null;
  const text = await readFile(file, 'utf8');
  const map = JSON.parse(await readFile(`${file}.map`, 'utf8'));
  const chunks = new Map(); // package → its characters, in file order
  // esbuild gathers licence comments (/*! … */) at the end of the file, outside every mapping.
  const legal = text.lastIndexOf('/*!');
  let lineStart = 0;
  const charge = (owner, piece, column) => {
    if (!piece) return;
    const name = legal > 0 && lineStart + column >= legal ? '(licence comments)' : owner;
    if (!chunks.has(name)) chunks.set(name, []);
    chunks.get(name).push(piece);
  };
  const lines = text.split('\n');
  const mappings = map.mappings.split(';');
  let source = 0;
  // A line's start with no segment continues the last segment of the line before: a template
  // literal's lines (CSS, the inlined worker) are mapped only where the literal opens.
  let owner = '(unmapped)';
  for (const [k, line] of lines.entries()) {
    let column = 0;
    let at = 0; // where the current segment starts
    for (const segment of (mappings[k] ?? '').split(',').filter(Boolean)) {
      const [dColumn, dSource] = decodeSegment(segment);
      column += dColumn;
      charge(owner, line.slice(at, column), at);
      at = column;
      if (dSource === undefined) owner = '(unmapped)';
      else {
        source += dSource;
        owner = packageOf(map.sources[source]);
      }
      // The segment's other fields (line, column, name) are relative too but not needed here.
    }
    charge(owner, line.slice(at) + (k < lines.length - 1 ? '\n' : ''), at);
    lineStart += line.length + 1;
  }
  const total = gzipSync(text, { level: 9 }).length;
  const rows = [...chunks].map(([name, pieces]) => {
    const joined = pieces.join('');
    return {
      name,
      minified: Buffer.byteLength(joined),
      gzipAlone: gzipSync(joined, { level: 9 }).length,
    };
  });
  const alone = rows.reduce((sum, r) => sum + r.gzipAlone, 0);
  for (const r of rows) r.gzipShare = Math.round((total * r.gzipAlone) / alone);
  return rows.sort((a, b) => b.minified - a.minified);
}

/**
 * bytesPerPackage summed over several files (an entry and the chunks a page loads), largest first. A
 * file without a map (the landscape worker, minified by esbuild alone) counts as one row of its own.
 */
export async function bytesPerPackageOf(files) {
  const sums = new Map();
  const add = (row) => {
    const sum = sums.get(row.name) ?? { name: row.name, minified: 0, gzipAlone: 0, gzipShare: 0 };
    sum.minified += row.minified;
    sum.gzipAlone += row.gzipAlone;
    sum.gzipShare += row.gzipShare;
    sums.set(row.name, sum);
  };
  for (const file of files) {
    const rows = await bytesPerPackage(file);
    if (rows) rows.forEach(add);
    else {
      const text = await readFile(file, 'utf8');
      const gzip = gzipSync(text, { level: 9 }).length;
      const name = /landscape-worker-/.test(file)
        ? '@lossquake/batch-sampler (worker chunk, all its packages)'
        : basename(file);
      add({ name, minified: Buffer.byteLength(text), gzipAlone: gzip, gzipShare: gzip });
    }
  }
  return [...sums.values()].sort((a, b) => b.minified - a.minified);
}
