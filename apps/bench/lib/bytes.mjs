// Bytes a page downloads for each library: the file as shipped, minified, and gzipped (zlib, level 9);
// for lossquake, its entry and each chunk it loads on demand (dist/chunks/), and what pages add up to.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { bytesPerPackageOf } from './package-bytes.mjs';

/**
 * { file, bytes, minified, minifiedBy, gzip } for a built script. Both bundles ship minified; esbuild
 * minifies a copy as a check, and its output is used only when it is over 5% smaller (an unminified
 * build), so the figure is always a minified size.
 */
export async function measureBytes(file) {
  const text = await readFile(file, 'utf8');
  const bytes = Buffer.byteLength(text);
  const again = (await transform(text, { minify: true, format: 'esm', legalComments: 'none' }))
    .code;
  const shippedMinified = Buffer.byteLength(again) > 0.95 * bytes;
  const minified = shippedMinified ? text : again;
  return {
    file,
    bytes,
    minified: Buffer.byteLength(minified),
    minifiedBy: shippedMinified ? 'as shipped' : 'esbuild --minify',
    gzip: gzipSync(minified, { level: 9 }).length,
  };
}

/**
 * The files an entry script loads, itself first: the chunks it names (static and dynamic imports,
 * `new URL('./chunks/…', import.meta.url)` for the worker), and theirs, each once. An entry's chunks
 * name it back ('../lossquake.js'); that is the entry, not another file.
 */
export async function filesOf(entry) {
  const files = [];
  const queue = [resolve(entry)];
  while (queue.length) {
    const file = queue.shift();
    if (files.includes(file) || !existsSync(file)) continue;
    files.push(file);
    const text = await readFile(file, 'utf8');
    for (const [, path] of text.matchAll(/["'`](\.\.?\/(?:chunks\/)?[\w.-]+\.js)["'`]/g))
      queue.push(resolve(dirname(file), path));
  }
  return files;
}

/**
 * Bytes of a split bundle: { ...measureBytes(entry), chunks: [measureBytes(chunk)…], pages } where
 * pages are the totals a page downloads, with bytes per dependency: the entry alone, a logistic
 * figure (the entry and the landscape worker: it computes the full landscape off the main thread),
 * and everything.
 */
export async function measureBundle(entry) {
  const [first, ...rest] = await filesOf(entry);
  const measured = await measureBytes(first);
  const chunks = await Promise.all(rest.map((file) => measureBytes(file)));
  const total = async (name, list) => ({
    name,
    files: list.map((b) => basename(b.file)),
    minified: list.reduce((sum, b) => sum + b.minified, 0),
    gzip: list.reduce((sum, b) => sum + b.gzip, 0),
    // What each dependency costs in these files (package-bytes.mjs: from their source maps).
    packages: await bytesPerPackageOf(list.map((b) => b.file)),
  });
  const worker = chunks.filter((b) => /landscape-worker-/.test(b.file));
  return {
    ...measured,
    chunks,
    pages: [
      await total('the entry alone', [measured]),
      await total('a logistic figure page', [measured, ...worker]),
      await total('everything', [measured, ...chunks]),
    ],
  };
}
