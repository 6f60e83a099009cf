// Looks at what we build: bundles TypeScript entries with esbuild, serves them in a page with the given
// markup on 127.0.0.1, and saves a headless-Chromium screenshot (console messages are printed).
//   node tools/screenshot.mjs --entry packages/loss-contour/src/index.ts [--entry ...] \
//     --html '<loss-contour></loss-contour>' [--html-file page.html] [--script 'js run after load'] \
//     --out /tmp/shot.png [--width 900] [--height 600] [--wait 1500] [--dpr 1] [--reduced-motion]
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromiumPath, chromiumArgs } from './chromium.mjs';

const { values } = parseArgs({
  options: {
    entry: { type: 'string', multiple: true, default: [] },
    html: { type: 'string', default: '' },
    'html-file': { type: 'string' },
    script: { type: 'string', default: '' },
    out: { type: 'string', default: '/tmp/screenshot.png' },
    width: { type: 'string', default: '900' },
    height: { type: 'string', default: '600' },
    wait: { type: 'string', default: '1500' },
    dpr: { type: 'string', default: '1' },
    'reduced-motion': { type: 'boolean', default: false },
  },
});

const bundle = values.entry.length
  ? (
      await build({
        stdin: {
          contents: values.entry.map((e) => `import ${JSON.stringify(e)};`).join('\n'),
          resolveDir: process.cwd(),
        },
        bundle: true,
        format: 'esm',
        write: false,
        target: 'es2022',
        tsconfig: new URL('../tsconfig.base.json', import.meta.url).pathname,
      })
    ).outputFiles[0].text
  : '';
const markup = values['html-file'] ? readFileSync(values['html-file'], 'utf8') : values.html;
const page = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font-family:sans-serif}</style>
<script type="module" src="/bundle.js"></script></head><body>${markup}</body></html>`;

const server = createServer((request, response) => {
  const body = request.url === '/bundle.js' ? bundle : page;
  response.writeHead(200, {
    'content-type': request.url === '/bundle.js' ? 'text/javascript' : 'text/html',
  });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: chromiumArgs(),
});
try {
  const tab = await browser.newPage();
  tab.on('console', (message) => console.log(`[${message.type()}] ${message.text()}`));
  tab.on('pageerror', (error) => console.log(`[pageerror] ${error.message}`));
  await tab.setViewport({
    width: Number(values.width),
    height: Number(values.height),
    deviceScaleFactor: Number(values.dpr),
  });
  if (values['reduced-motion'])
    await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await tab.goto(url, { waitUntil: 'load' });
  if (values.script) await tab.evaluate(values.script);
  await new Promise((resolve) => setTimeout(resolve, Number(values.wait)));
  await tab.screenshot({ path: values.out });
  console.log(`saved ${values.out}`);
} finally {
  await browser.close();
  server.close();
}
