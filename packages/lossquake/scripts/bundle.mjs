// Builds two minified ES modules with every element, and prints their sizes: dist/lossquake.js, and
// dist/lossquake.strict-csp.js, the same plus the regl code generated ahead of time that lets
// <loss-surface> draw under a Content-Security-Policy without 'unsafe-eval' (opt-in: the table is
// about a quarter of the bytes and most pages never need it). It fails when the plain bundle holds
// any of that table or the strict one lacks some of it.
// Each entry is the one file a page includes; code only some pages need goes to dist/chunks/, which
// the entry loads on demand relative to its own URL (import.meta.url), so a CDN copy works too.
// The landscape worker is such a chunk: the entry starts it from a tiny blob: module worker that
// imports the chunk by absolute URL (where a CSP forbids blob: workers, or the chunk cannot load, the
// sampler computes on the main thread).
// Three passes: esbuild bundles and splits (dynamic import() → chunks); rollup then joins every chunk
// the entry imports statically back into the entry, so a page's first request holds all it needs
// (esbuild would move code the entry shares with a lazy chunk into a third file the entry imports,
// one more round trip); terser minifies each file again, about 5% smaller gzipped, mostly through its
// name mangling and mostly in regl (esbuild's pass leaves regl.min.js larger than it ships).
// The licences of the packages bundled in go to dist/<entry>.LICENSE.txt, named by a banner; each
// chunk's banner names dist/lossquake.js.LICENSE.txt (a chunk may serve both entries).
//   node scripts/bundle.mjs
import { build } from 'esbuild';
import { minify } from 'terser';
import { rollup } from 'rollup';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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

/**
 * Replaces the sampler's worker URL module with one that starts the worker chunk from a blob: module
 * worker (a worker script must be same-origin; a module it imports needs only CORS, as CDNs serve).
 * `import.meta.LOSSQUAKE_WORKER` becomes the chunk's absolute URL in the rollup pass.
 */
const workerChunk = {
  name: 'landscape-worker-chunk',
  setup(builder) {
    builder.onLoad({ filter: /batch-sampler[\\/]dist[\\/]landscape-worker-url\.js$/ }, () => ({
      contents: `let url = null;
export function landscapeWorkerUrl() {
  return (url ??= URL.createObjectURL(
    new Blob([\`import \${JSON.stringify(import.meta.LOSSQUAKE_WORKER)};\`], { type: 'text/javascript' }),
  ));
}`,
      loader: 'js',
    }));
  },
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (code) => gzipSync(code, { level: 9 }).length;
const dist = join(root, 'dist');
const chunksDir = join(dist, 'chunks');

/** esbuild's output (in memory) as rollup's input: each file with its source map, chained. */
function fromEsbuild(files) {
  const byPath = new Map(files.map((file) => [file.path, file.text]));
  return {
    name: 'esbuild-output',
    resolveId(source, importer) {
      if (!importer) return source;
      const path = resolve(dirname(importer), source);
      return byPath.has(path) ? path : null;
    },
    load(id) {
      const code = byPath.get(id);
      if (code === undefined) return null;
      return {
        code: code.replace(/\/\/# sourceMappingURL=.*\s*$/, ''),
        map: byPath.get(`${id}.map`),
      };
    },
  };
}

/** Emits the worker as a chunk file and points import.meta.LOSSQUAKE_WORKER at it. */
function emitWorker() {
  let ref;
  return {
    name: 'landscape-worker-asset',
    buildStart() {
      ref = this.emitFile({ type: 'asset', name: 'landscape-worker.js', source: workerCode });
    },
    resolveImportMeta(property, { chunkId }) {
      if (property !== 'LOSSQUAKE_WORKER') return null;
      const path = relative(dirname(chunkId), this.getFileName(ref));
      return `new URL(${JSON.stringify(`./${path}`)}, import.meta.url).href`;
    },
  };
}

/**
 * Bundles `entry` into dist/`name` and its lazy chunks into dist/chunks/, each with its source map;
 * writes the licences file and banners. Returns { code, chunks: [{ file, code }] }.
 */
async function bundle(entry, name) {
  const outfile = join(dist, name);
  const split = await build({
    entryPoints: { [name.replace(/\.js$/, '')]: join(root, entry) },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    minify: true,
    sourcemap: true,
    target: 'es2022',
    outdir: dist,
    legalComments: 'eof',
    // Lit's production build (no dev-mode warnings); regl's CommonJS is wrapped by esbuild itself.
    conditions: ['production'],
    // regl's own minified build, without its development checks (a third of its size), is the one
    // @lossquake/loss-surface imports: the code it generates for strict CSP is generated from it.
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, '../../tsconfig.base.json'),
    plugins: [workerChunk],
    logLevel: 'warning',
    write: false,
    metafile: true,
  });
  const joined = await rollup({
    input: outfile,
    plugins: [fromEsbuild(split.outputFiles), emitWorker()],
    // The entry keeps its exports and may gain a few (short names) that its chunks import from it.
    preserveEntrySignatures: 'allow-extension',
    onwarn: (warning) => {
      throw new Error(`bundle: rollup: ${warning.message}`);
    },
  });
  const { output } = await joined.generate({
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    // esbuild's chunk names carry its hash (of code rollup may join differently): rollup's replaces it.
    chunkFileNames: (chunk) => `chunks/${chunk.name.replace(/-[A-Z0-9]{8}$/, '')}-[hash].js`,
    assetFileNames: 'chunks/[name]-[hash][extname]',
  });

  // The worker's packages count too: its code ships in dist/chunks/.
  const licencesFile = `${outfile}.LICENSE.txt`;
  const licences = await licenceNotice(
    [...bundledPackageDirs(worker.metafile, split.metafile), chromaticDir],
    pkg,
  );
  const licenceBanner = `/*! ${pkg.name} ${pkg.version} | ${pkg.license} | bundled third-party licences: ${basename(licencesFile)} */`;
  // A chunk may be shared by both entries (same code, same name): its banner names the plain entry's
  // licences, which cover every package a chunk holds (the strict entry adds only its own table).
  const chunkBanner = `/*! ${pkg.name} ${pkg.version} | ${pkg.license} | a chunk of ${pkg.name}.js; bundled third-party licences: ../${pkg.name}.js.LICENSE.txt */`;

  const written = [];
  for (const file of output) {
    if (file.type === 'asset' && file.fileName.endsWith('.map')) continue; // terser writes the maps
    const path = join(dist, file.fileName);
    const isEntry = file.type === 'chunk' && file.isEntry;
    const banner = isEntry ? licenceBanner : chunkBanner;
    let code;
    if (file.type === 'asset') {
      // The worker, minified by esbuild already.
      code = `${banner}\n${file.source}`;
      await writeFile(path, code);
    } else {
      // Licence comments (/*! ... */) stay; the source map is chained through terser, which shifts
      // it by the banner's line.
      const minified = await minify(file.code, {
        module: true,
        format: { comments: 'some', preamble: banner },
        sourceMap: { content: JSON.stringify(file.map), url: `${basename(path)}.map` },
      });
      code = minified.code;
      await writeFile(path, code);
      await writeFile(`${path}.map`, minified.map);
    }
    written.push({ file: file.fileName, code, isEntry });
  }
  await writeFile(licencesFile, licences.text);
  const entryCode = written.find((file) => file.isEntry).code;
  const chunks = written.filter((file) => !file.isEntry);
  console.log(
    `dist/${name}: ${kb(Buffer.byteLength(entryCode))} minified, ${kb(gz(entryCode))} gzipped; ${basename(licencesFile)}: ${licences.count} packages`,
  );
  for (const chunk of chunks)
    console.log(
      `  dist/${chunk.file}: ${kb(Buffer.byteLength(chunk.code))} minified, ${kb(gz(chunk.code))} gzipped`,
    );
  return { code: entryCode, chunks };
}

// Chunk names carry a hash of their content: start clean so an old one never lingers.
await rm(chunksDir, { recursive: true, force: true });
await mkdir(chunksDir, { recursive: true });
const plainFiles = await bundle('src/index.ts', 'lossquake.js');
// The table must be in the strict entry itself (a surface draws without waiting for a chunk), and in
// no file of the plain bundle, chunks included.
const plain = [plainFiles.code, ...plainFiles.chunks.map((chunk) => chunk.code)].join('\n');
const { code: strict } = await bundle('src/strict-csp.ts', 'lossquake.strict-csp.js');

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
