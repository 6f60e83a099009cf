// Bytes a page downloads for each library: the file as shipped, minified, and gzipped (zlib, level 9).
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';

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
