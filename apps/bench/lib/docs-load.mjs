// What the reader's main thread does while a docs page starts: the built docs (apps/docs/dist, as
// `pnpm start` serves them) opened in a fresh page, every long task (> 50 ms, PerformanceObserver)
// and the first contentful paint over the first `seconds`. The first long task is mostly the module
// evaluating and every element connecting (the first WebGL context among it); the later ones are what
// a reader scrolling or clicking meets: table builds, GPU probes, first draws.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The docs pages measured, by file name. */
export const DOCS_PAGES = ['index', 'networks', 'more', 'guide'];

/** Whether the docs are built (`pnpm build` or `pnpm start`); the section is left out when not. */
export const docsBuilt = (root) => existsSync(join(root, 'apps/docs/dist/index.html'));

/** Opens one docs page in a fresh tab and returns { longTasks: [[start, ms]…], fcp }. */
export async function measureDocsLoad(browser, origin, { page: name, seconds }) {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(() => {
      const seen = (window.__docsLoad = { longTasks: [], fcp: null });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          seen.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.name === 'first-contentful-paint') seen.fcp = Math.round(e.startTime);
      }).observe({ type: 'paint', buffered: true });
    });
    await page.goto(`${origin}/apps/docs/dist/${name}.html`, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return await page.evaluate(() => window.__docsLoad);
  } finally {
    await page.close();
  }
}
