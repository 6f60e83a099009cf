// `pnpm bench`: lossquake beside Plotly.js on the same work, in one headless-Chromium run.
// 1. the core bench in Node (core-bench.mjs → results/core.json); 2. bundle bytes; 3. the browser
// pages under pages/, one fresh page per measurement group, served from the repository root on
// 127.0.0.1 (nothing touches the network). Prints one markdown report; writes results/bench.json.
//
// Options: --quick (resolution 64 only, fewer repeats), --only=core,bytes,first-frame,update,
// through-sampler,throughput,figure,morph,network,gpu-compute,bad-src,docs-load,
// --libs=ours,plotly, --screenshots (a PNG of each page when its measurement ends, in results/),
// --bundle=path/to/lossquake.js (measure another build in place of packages/lossquake/dist).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../tools/chromium.mjs';
import { badData } from './lib/bad-data.mjs';
import { DOCS_PAGES, docsBuilt, measureDocsLoad } from './lib/docs-load.mjs';
import { measureBundle, measureBytes } from './lib/bytes.mjs';
import { runCoreBench } from './lib/core.mjs';
import { report } from './lib/report.mjs';
import { serve } from './lib/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const argBundle = process.argv.find((a) => a.startsWith('--bundle='))?.slice('--bundle='.length);
const bundle = argBundle ? resolve(argBundle) : join(root, 'packages/lossquake/dist/lossquake.js');
const plotly = join(here, 'node_modules/plotly.js-dist-min/plotly.min.js');

const argv = process.argv.slice(2);
const option = (name) =>
  argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1]
    ?.split(',');
const quick = argv.includes('--quick');
const screenshots = argv.includes('--screenshots');
const only = option('only');
const wants = (section) => !only || only.includes(section);
const libs = (option('libs') ?? ['ours', 'plotly']).filter(
  (lib) => lib !== 'ours' || existsSync(bundle),
);
const views = ['surface', 'contour'];
const resolutions = quick ? [64] : [64, 128, 256];

/** Every page the run opens, in order: [section, query]. */
function plan() {
  const pages = [['idle', {}]];
  const each = (fn) => views.flatMap((view) => libs.flatMap((lib) => fn(view, lib)));
  if (wants('first-frame')) {
    for (let r = 0; r < (quick ? 1 : 3); r++) {
      pages.push(...each((view, lib) => [['first-frame', { lib, view, res: 64 }]]));
    }
  }
  if (wants('update')) {
    for (const res of resolutions) {
      for (const batch of quick ? [10, 100] : [10, 100, 1000]) {
        pages.push(...each((view, lib) => [['update', { lib, view, res, batch }]]));
      }
    }
  }
  if (wants('through-sampler') && libs.includes('ours')) {
    for (const res of resolutions)
      for (const batch of quick ? [10, 100] : [10, 100, 1000])
        for (const view of views) pages.push(['through-sampler', { view, res, batch }]);
  }
  if (wants('throughput')) {
    for (const res of resolutions.filter((r) => r <= 128)) {
      pages.push(...each((view, lib) => [['throughput', { lib, view, res, batch: 100 }]]));
    }
  }
  if (wants('figure')) {
    // The article's figure at the display's rate; 128² too even with --quick (issue 16's rows).
    for (const res of [64, 128])
      for (const lib of libs) pages.push(['figure', { lib, res, batch: 10, rate: 60 }]);
    // Again in a browser that composites in software, as Chrome does where it blocklists the GPU:
    // the default run composites and rasterizes on SwiftShader as if it were a GPU.
    for (const lib of libs)
      pages.push(['figure', { lib, res: 64, batch: 10, rate: 60, compositing: 'software' }]);
  }
  if (wants('morph')) {
    for (const res of resolutions)
      pages.push(...each((view, lib) => [['morph', { lib, view, res, batch: 10 }]]));
  }
  if (wants('network') && libs.includes('ours')) {
    for (const res of quick ? [64] : [32, 64, 128])
      for (const batch of quick ? [10] : [10, 100])
        pages.push(['network', { res, samples: 1000, batch }]);
  }
  if (wants('gpu-compute') && libs.includes('ours')) {
    for (const res of resolutions)
      for (const batch of quick ? [10, 100] : [10, 100, 1000])
        pages.push(['gpu-compute', { res, batch }]);
    for (const table of [100, 1000]) pages.push(['gpu-compute', { res: 64, table }]);
  }
  if (wants('docs-load') && libs.includes('ours') && docsBuilt(root)) {
    // The docs as built (their own copy of the bundle, whatever --bundle says), in turns.
    for (let r = 0; r < (quick ? 1 : 3); r++)
      for (const page of DOCS_PAGES) pages.push(['docs-load', { page, seconds: quick ? 4 : 6 }]);
  }
  if (wants('bad-src') && libs.includes('ours')) {
    for (const el of ['batch-sampler', 'loss-contour', 'loss-surface'])
      pages.push(['bad-src', { el, repeats: quick ? 1 : 3 }]);
  }
  return pages;
}

async function openPage(browser, origin, section, query) {
  if (section === 'docs-load')
    return measureDocsLoad(browser, origin, query).catch((error) => ({ error: String(error) }));
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') errors.push(message.text());
  });
  const search = new URLSearchParams({ m: section, ...query });
  const url = `${origin}/apps/bench/pages/index.html?${search}`;
  let timer;
  try {
    await page.goto(url, { waitUntil: 'load' });
    const result = await Promise.race([
      page.evaluate(() => window.benchDone),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out after 120 s')), 120_000);
      }),
    ]);
    if (result?.error && errors.length) result.console = errors.slice(0, 5);
    if (screenshots) {
      const name = [section, ...Object.values(query)].join('-');
      await page.screenshot({ path: join(here, 'results', `${name}.png`) });
    }
    return result;
  } catch (error) {
    return { error: String(error), console: errors.slice(0, 5) };
  } finally {
    clearTimeout(timer); // else it holds the process open for two minutes after the run
    await page.close();
  }
}

/** Pages run in their own browser, with extra Chromium switches (see the figure's software rows). */
const browserArgs = (query) =>
  query.compositing === 'software' ? ['--disable-gpu-compositing'] : [];

async function browserRun() {
  await mkdir(join(here, 'results'), { recursive: true });
  const server = await serve(
    root,
    { '/packages/lossquake/dist/lossquake.js': bundle },
    { '/__bench__/data/': badData },
  );
  const pages = plan();
  const results = [];
  let version = '';
  try {
    // One browser per set of switches, in the plan's order of first use.
    const sets = [...new Set(pages.map(([, query]) => browserArgs(query).join(' ')))];
    for (const set of sets) {
      const browser = await puppeteer.launch({
        executablePath: chromiumPath(),
        args: [...chromiumArgs(), ...set.split(' ').filter(Boolean)],
        headless: true,
        defaultViewport: { width: 800, height: 600 },
      });
      try {
        version ||= await browser.version();
        for (const [k, [section, query]] of pages.entries()) {
          if (browserArgs(query).join(' ') !== set) continue;
          const label = `${section} ${Object.values(query).join(' ')}`.trim();
          process.stderr.write(`[${k + 1}/${pages.length}] ${label}`);
          const started = Date.now();
          const result = await openPage(browser, server.origin, section, query);
          process.stderr.write(
            ` ${((Date.now() - started) / 1000).toFixed(1)} s${result?.error ? ' ERROR' : ''}\n`,
          );
          if (result?.error)
            process.stderr.write(`  ${result.error}\n  ${(result.console ?? []).join('\n  ')}\n`);
          results.push({ section, query, ...result });
        }
      } finally {
        await browser.close();
      }
    }
    return { version, results };
  } finally {
    await server.close();
  }
}

const started = Date.now();
process.stderr.write('core bench (node core-bench.mjs)…\n');
const core = wants('core') ? await runCoreBench(here) : { skipped: 'not asked for (--only)' };
const bytes = {
  lossquake: existsSync(bundle)
    ? await measureBundle(bundle)
    : { skipped: 'packages/lossquake/dist/lossquake.js not built' },
  plotly: await measureBytes(plotly),
};
const loadBefore = loadavg()[0];
const browser = await browserRun();
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  node: process.version,
  platform: process.platform,
  loadAverage: [loadBefore, loadavg()[0]].map((x) => Math.round(x * 10) / 10),
};
const data = {
  date: new Date().toISOString(),
  seconds: Math.round((Date.now() - started) / 1000),
  quick,
  libs,
  machine,
  browser: browser.version,
  core,
  bytes,
  pages: browser.results,
};
await mkdir(join(here, 'results'), { recursive: true });
await writeFile(join(here, 'results', 'bench.json'), JSON.stringify(data, null, 2) + '\n');
process.stdout.write(report(data));
process.stderr.write(`\nwrote apps/bench/results/bench.json (${data.seconds} s)\n`);
