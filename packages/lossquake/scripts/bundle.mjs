// Builds dist/lossquake.js: one self-contained, minified ES module with every element, and prints
// its size. The landscape worker is bundled first and inlined, and started from a blob: URL, so the
// file needs no neighbour (where a CSP forbids blob: workers, the sampler computes on the main thread).
// esbuild bundles and minifies; terser then minifies again, about 5% smaller gzipped, mostly through
// its name mangling and mostly in regl (esbuild's pass leaves regl.min.js larger than it ships).
// The licences of the packages bundled in go to dist/lossquake.js.LICENSE.txt, named by a banner.
//   node scripts/bundle.mjs [--entry src/other-entry.ts]
import { build } from 'esbuild';
import { minify } from 'terser';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { bundledPackageDirs, licenceNotice } from './bundled-licences.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { entry: { type: 'string', default: 'src/index.ts' } } });
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const require = createRequire(join(root, 'package.json'));
const samplerDir = dirname(require.resolve('@lossquake/batch-sampler/package.json'));
const surfaceDir = dirname(require.resolve('@lossquake/loss-surface/package.json'));
const reglMin = createRequire(join(surfaceDir, 'package.json')).resolve('regl/dist/regl.min.js');
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

const outfile = join(root, 'dist/lossquake.js');
const bundled = await build({
  entryPoints: [join(root, values.entry)],
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  outfile,
  legalComments: 'eof',
  // Lit's production build (no dev-mode warnings); regl's CommonJS is wrapped by esbuild itself.
  conditions: ['production'],
  // regl's own minified build leaves out its development checks (a third of its size).
  alias: { regl: reglMin },
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
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `dist/lossquake.js: ${kb(Buffer.byteLength(code))} minified, ${kb(gzipSync(code, { level: 9 }).length)} gzipped (worker inlined: ${kb(workerCode.length)}); ${basename(licencesFile)}: ${licences.count} packages`,
);
