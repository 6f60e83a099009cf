// The docs' end-to-end tests: each built page (apps/docs/dist, built by the `build` task first) loads
// in an iframe. The test server adds one classic script to those pages, test/console-hook.js, which
// records console warnings and errors before any page script runs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testConfig } from '../../tools/wtr.config.mjs';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const hook = '<script src="/apps/docs/test/console-hook.js"></script>';

/** Serves apps/docs/dist/*.html with the console hook first in <head> (`?raw`: the file as built). */
async function hookConsole(context, next) {
  const match = /^\/apps\/docs\/dist\/([\w-]+\.html)$/.exec(context.path);
  if (!match || 'raw' in context.query) return next();
  try {
    const page = await readFile(join(dist, match[1]), 'utf8');
    context.type = 'html';
    context.body = page.replace(/<head>/i, `<head>${hook}`);
  } catch {
    context.status = 404;
  }
}

export default testConfig({
  files: ['test/**/*.test.ts'],
  middleware: [hookConsole],
  timeout: 120000,
});
