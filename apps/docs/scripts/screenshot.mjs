// Screenshots every built page at a desktop and a phone width (full page) against a running server:
//   node scripts/serve.mjs &   then   node scripts/screenshot.mjs [--url http://127.0.0.1:5173/]
//     [--out /tmp/docs-shots] [--widths 1200,320] [--wait 4000] [--slice 1800] [--pages index.html,guide.html]
//     [--reduced-motion]
// Console messages and page errors are printed, so a screenshot run doubles as a smoke test.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../../tools/chromium.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 5173}/` },
    out: { type: 'string', default: '/tmp/docs-shots' },
    widths: { type: 'string', default: '1200,320' },
    wait: { type: 'string', default: '4000' },
    slice: { type: 'string', default: '1800' },
    pages: { type: 'string' },
    'reduced-motion': { type: 'boolean', default: false },
    // One element instead of whole pages: --element '#fig-hero .live' --file public/images/hero.png
    element: { type: 'string' },
    file: { type: 'string' },
  },
});

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const pages = values.pages
  ? values.pages.split(',')
  : JSON.parse(readFileSync(join(dist, 'pages.json'), 'utf8'));
mkdirSync(values.out, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: chromiumArgs(),
});
try {
  if (values.element) {
    const tab = await browser.newPage();
    const width = Number(values.widths.split(',')[0]);
    await tab.setViewport({ width, height: 900, deviceScaleFactor: 1 });
    await tab.goto(new URL(pages[0], values.url).href, { waitUntil: 'load' });
    const target = await tab.waitForSelector(values.element);
    await target.scrollIntoView();
    await new Promise((resolve) => setTimeout(resolve, Number(values.wait)));
    const file = values.file ?? join(values.out, 'element.png');
    await target.screenshot({ path: file });
    console.log(`saved ${file}`);
  }
  for (const width of values.element ? [] : values.widths.split(',').map(Number)) {
    for (const page of pages) {
      const tab = await browser.newPage();
      tab.on('console', (message) =>
        console.log(`[${page} ${width}px ${message.type()}] ${message.text()}`),
      );
      tab.on('pageerror', (error) =>
        console.log(`[${page} ${width}px pageerror] ${error.message}`),
      );
      await tab.setViewport({ width, height: 900, deviceScaleFactor: 1 });
      if (values['reduced-motion'])
        await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await tab.goto(new URL(page, values.url).href, { waitUntil: 'load' });
      // One tall viewport holds the whole page, so every view is on screen (views pause off-screen)
      // and the shot needs no stitching; it is saved in slices that are easy to look at.
      const height = await tab.evaluate(() => document.documentElement.scrollHeight);
      await tab.setViewport({ width, height, deviceScaleFactor: 1 });
      await new Promise((resolve) => setTimeout(resolve, Number(values.wait)));
      const overflow = await tab.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      if (overflow > 0) console.log(`[${page} ${width}px] horizontal overflow: ${overflow}px`);
      const full = await tab.evaluate(() => document.documentElement.scrollHeight);
      const slice = Number(values.slice);
      for (let part = 0, y = 0; y < full; part++, y += slice) {
        const file = join(values.out, `${page.replace(/\.html$/, '')}-${width}-${part + 1}.png`);
        await tab.screenshot({
          path: file,
          clip: { x: 0, y, width, height: Math.min(slice, full - y) },
        });
        console.log(`saved ${file}`);
      }
      await tab.close();
    }
  }
} finally {
  await browser.close();
}
