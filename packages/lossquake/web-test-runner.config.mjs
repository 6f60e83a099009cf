import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { testConfig } from '../../tools/wtr.config.mjs';

// HTML test pages need runTests from @web/test-runner-mocha, a dependency of @web/test-runner that
// pnpm keeps out of this package's reach: serve its one-file build at a fixed path the pages import.
const root = fileURLToPath(new URL('../..', import.meta.url));
const fromRunner = createRequire(
  createRequire(join(root, 'package.json')).resolve('@web/test-runner'),
);
const mocha = join(
  dirname(fromRunner.resolve('@web/test-runner-mocha/package.json')),
  'dist/standalone.js',
);
const MOCHA_PATH = '/__lossquake__/test-runner-mocha.js';
const serveMocha = (context, next) => {
  if (context.path !== MOCHA_PATH) return next();
  context.type = 'js';
  context.body = readFileSync(mocha, 'utf8');
};

// ── "safe in any page" (test/*.test.ts): fixture pages with the headers each case needs ────────

const PAGES = '/packages/lossquake/test/pages/';
/** A CMS-style strict policy: nothing inline, no eval, Trusted Types required for script sinks. */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

const policies = (context, next) => {
  // csp-strict.html loads dist/lossquake.js, csp-strict-bundle.html dist/lossquake.strict-csp.js.
  if (
    context.path === `${PAGES}csp-strict.html` ||
    context.path === `${PAGES}csp-strict-bundle.html`
  ) {
    context.set('Content-Security-Policy', STRICT_CSP);
  }
  return next();
};

// A sandboxed iframe (opaque origin) loads module scripts and data with CORS: allow any origin for
// the bundle, the fixture pages and the data answers below, as a CDN would.
const openToSandbox = async (context, next) => {
  await next();
  if (
    context.path.startsWith('/packages/lossquake/') ||
    context.path.startsWith('/packages/batch-sampler/src/test-fixtures/') ||
    context.path.startsWith('/__lossquake__/data/')
  ) {
    context.set('Access-Control-Allow-Origin', '*');
  }
};

/** A valid frames file for the views' `src`. */
function framesJson(size = 9, count = 2) {
  const frames = [];
  for (let f = 0; f < count; f++) {
    const values = [];
    for (let j = 0; j < size; j++)
      for (let i = 0; i < size; i++) values.push(((i - 4) ** 2 + (j - 4 + f) ** 2) / 8 + f);
    frames.push({ values });
  }
  return JSON.stringify({ grid: { w1: [-20, 20], w2: [-20, 20], size }, frames });
}

const FIFTY_MB = 50 * 1024 * 1024;

/** Streams `bytes` of a CSV-looking body in 1 MB chunks, with or without a Content-Length. */
function bigBody(context, declareLength) {
  const chunk = Buffer.from('1.5,2.5,1\n'.repeat((1024 * 1024) / 10));
  let sent = 0;
  context.type = 'text/csv';
  if (declareLength) context.length = FIFTY_MB;
  context.body = new Readable({
    read() {
      if (sent >= FIFTY_MB) return this.push(null);
      const part = chunk.subarray(0, Math.min(chunk.length, FIFTY_MB - sent));
      sent += part.length;
      this.push(part);
    },
  });
}

// Every kind of bad answer a `src` can get, under /__lossquake__/data/.
const dataAnswers = (context, next) => {
  if (!context.path.startsWith('/__lossquake__/data/')) return next();
  const name = context.path.slice('/__lossquake__/data/'.length);
  switch (name) {
    case 'frames.json':
      context.type = 'application/json';
      context.body = framesJson(9, Number(context.query.frames ?? 2));
      return;
    case 'missing.json':
    case 'missing.csv':
      context.status = 404;
      context.body = 'Not Found';
      return;
    case 'html.json':
    case 'html.csv':
      // A single-page-app fallback: 200 with the site's HTML.
      context.type = 'text/html';
      context.body = '<!doctype html><html><body><h1>Welcome</h1></body></html>';
      return;
    case 'truncated.json':
      context.type = 'application/json';
      context.body = framesJson().slice(0, 120);
      return;
    case 'truncated-data.json':
      context.type = 'application/json';
      context.body = '{"x": [[0, 1], [1, 2], [2, ';
      return;
    case 'ragged.csv':
      context.type = 'text/csv';
      context.body = 'x1,x2,y\n0.1,0.2,0\n0.3,1\n0.5,0.6,1,7\n';
      return;
    case 'huge.csv':
    case 'huge.json':
      return bigBody(context, true);
    case 'huge-chunked.csv':
    case 'huge-chunked.json':
      return bigBody(context, false);
    default:
      context.status = 404;
  }
};

// A copy of the entry whose chunks are missing (pages/no-chunks.html): every other file beside it is
// a 404, as on a site that copied dist/lossquake.js without dist/chunks/.
const NO_CHUNKS = '/__lossquake__/no-chunks/';
const noChunks = (context, next) => {
  if (!context.path.startsWith(NO_CHUNKS)) return next();
  if (context.path === `${NO_CHUNKS}lossquake.js`) {
    context.type = 'js';
    context.body = readFileSync(join(root, 'packages/lossquake/dist/lossquake.js'), 'utf8');
    return;
  }
  context.status = 404;
  context.body = 'Not Found';
};

// A second origin (127.0.0.1 on its own port; the tests run on localhost) that answers without CORS
// headers, as a data host that never opted in would. Tests ask /__lossquake__/elsewhere for its URL.
const elsewhere = createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/csv' });
  response.end(request.url?.includes('json') ? framesJson() : 'x1,x2,y\n0,0,0\n1,1,1\n');
});
elsewhere.listen(0, '127.0.0.1');
elsewhere.unref();

/** Middleware answering `path` with the origin `server` listens on (its port is picked at start). */
const originOf = (server, path) => (context, next) => {
  if (context.path !== path) return next();
  const { port } = server.address();
  context.type = 'json';
  context.body = { origin: `http://127.0.0.1:${port}` };
};
const elsewhereOrigin = originOf(elsewhere, '/__lossquake__/elsewhere');

// A CDN on another origin (127.0.0.1 on its own port): serves dist/ with CORS, as CDNs do, so a page
// loads the entry from there and the entry its chunks (pages/cdn.html asks /__lossquake__/cdn).
const dist = join(root, 'packages/lossquake/dist');
const cdn = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://cdn').pathname;
  const file = join(dist, path);
  if (!file.startsWith(dist + sep) || !/\.js$/.test(file)) {
    response.writeHead(404, { 'Access-Control-Allow-Origin': '*' });
    return response.end();
  }
  try {
    const body = readFileSync(file);
    response.writeHead(200, {
      'Content-Type': 'text/javascript',
      'Access-Control-Allow-Origin': '*',
    });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Access-Control-Allow-Origin': '*' });
    response.end();
  }
});
cdn.listen(0, '127.0.0.1');
cdn.unref();
const cdnOrigin = originOf(cdn, '/__lossquake__/cdn');

// test/*.test.html load only dist/lossquake.js, as a page would; test/*.test.ts open fixture pages
// (test/pages/) that load it (run `pnpm build` first).
export default testConfig({
  files: ['src/**/*.test.ts', 'test/**/*.test.html', 'test/**/*.test.ts'],
  middleware: [
    serveMocha,
    policies,
    openToSandbox,
    dataAnswers,
    noChunks,
    elsewhereOrigin,
    cdnOrigin,
  ],
  timeout: 60000,
});
