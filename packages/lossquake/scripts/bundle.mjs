// Builds two self-contained, minified ES modules with every element, and prints their sizes:
// dist/lossquake.js, and dist/lossquake.strict-csp.js, the same plus the regl code generated ahead of
// time that lets <loss-surface> draw under a Content-Security-Policy without 'unsafe-eval' (opt-in:
// the table is about a quarter of the bytes and most pages never need it). It fails when the plain
// bundle holds any of that table or the strict one lacks some of it. The landscape worker is bundled first and inlined, and started from a blob: URL, so the
// file needs no neighbour (where a CSP forbids blob: workers, the sampler computes on the main thread).
// esbuild bundles and minifies; terser then minifies again, about 5% smaller gzipped, mostly through
// its name mangling and mostly in regl (esbuild's pass leaves regl.min.js larger than it ships).
// The licences of the packages bundled in go to dist/<bundle>.LICENSE.txt, named by a banner.
//   node scripts/bundle.mjs
import { build } from 'esbuild';
import { minify } from 'terser';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledPackageDirs, licenceNotice } from './bundled-licences.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const require = createRequire(join(root, 'package.json'));
const samplerDir = dirname(require.resolve('@lossquake/batch-sampler/package.json'));
const surfaceDir = dirname(require.resolve('@lossquake/loss-surface/package.json'));
// The kit's colour maps are data copied from d3-scale-chromatic (kit/src/colormaps.ts): no byte of
// the package is bundled, but its licence asks for its notice beside the copy.
const kitDir = dirname(require.resolve('@lossquake/kit/package.json'));
const chromaticDir = dirname(
  dirname(createRequire(join(kitDir, 'package.json')).resolve('d3-scale-chromatic')),
);

const worker = await build({
  entryPoints: [join(samplerDir, 'dist/landscape-worker.js')],
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  target: 'es2022',
  legalComments: 'none',
  metafile: true,
});
const workerCode = worker.outputFiles[0].text;

/** Replaces the sampler's worker URL module with one that makes a blob: URL from the inlined worker. */
const inlineWorker = {
  name: 'inline-landscape-worker',
  setup(builder) {
    builder.onLoad({ filter: /batch-sampler[\\/]dist[\\/]landscape-worker-url\.js$/ }, () => ({
      contents: `let url = null;
export function landscapeWorkerUrl() {
  return (url ??= URL.createObjectURL(new Blob([${JSON.stringify(workerCode)}], { type: 'text/javascript' })));
}`,
      loader: 'js',
    }));
  },
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Bundles `entry` into dist/`name` with its source map, licences file and banner; returns the code. */
async function bundle(entry, name) {
  const outfile = join(root, 'dist', name);
  const bundled = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: true,
    target: 'es2022',
    outfile,
    legalComments: 'eof',
    // Lit's production build (no dev-mode warnings); regl's CommonJS is wrapped by esbuild itself.
    conditions: ['production'],
    // regl's own minified build, without its development checks (a third of its size), is the one
    // @lossquake/loss-surface imports: the code it generates for strict CSP is generated from it.
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, '../../tsconfig.base.json'),
    plugins: [inlineWorker],
    logLevel: 'warning',
    write: false,
    metafile: true,
  });
  const output = (ending) => bundled.outputFiles.find((file) => file.path.endsWith(ending)).text;

  // The worker's packages count too: its code is inlined into the bundle.
  const licencesFile = `${outfile}.LICENSE.txt`;
  const licences = await licenceNotice(
    [...bundledPackageDirs(worker.metafile, bundled.metafile), chromaticDir],
    pkg,
  );
  const banner = `/*! ${pkg.name} ${pkg.version} | ${pkg.license} | bundled third-party licences: ${basename(licencesFile)} */`;

  // Licence comments (/*! ... */, which esbuild gathers at the end) stay; the source map is chained.
  // terser shifts the map by the preamble's line.
  const { code, map } = await minify(output('.js').replace(/\/\/# sourceMappingURL=.*\s*$/, ''), {
    module: true,
    format: { comments: 'some', preamble: banner },
    sourceMap: { content: output('.js.map'), url: `${basename(outfile)}.map` },
  });
  await writeFile(outfile, code);
  await writeFile(`${outfile}.map`, map);
  await writeFile(licencesFile, licences.text);
  console.log(
    `dist/${name}: ${kb(Buffer.byteLength(code))} minified, ${kb(gzipSync(code, { level: 9 }).length)} gzipped (worker inlined: ${kb(workerCode.length)}); ${basename(licencesFile)}: ${licences.count} packages`,
  );
  return code;
}

const plain = await bundle('src/index.ts', 'lossquake.js');
const strict = await bundle('src/strict-csp.ts', 'lossquake.strict-csp.js');

// The table's keys (the generated code's hashes) name it in either bundle: all in the strict one,
// none in the plain one. A key is quoted in the table ('1ab-2cd…'), so minifying keeps it verbatim.
const table = join(surfaceDir, 'dist/gl/generated-code.js');
const keys = Object.keys((await import(pathToFileURL(table).href)).generatedCode);
const inPlain = keys.filter((key) => plain.includes(key));
const missing = keys.filter((key) => !strict.includes(key));
if (keys.length === 0 || inPlain.length > 0 || missing.length > 0) {
  console.error(
    `bundle: the strict-CSP table (${keys.length} functions) must be in lossquake.strict-csp.js only: ` +
      `${inPlain.length} in lossquake.js, ${missing.length} missing from lossquake.strict-csp.js`,
  );
  process.exit(1);
}
