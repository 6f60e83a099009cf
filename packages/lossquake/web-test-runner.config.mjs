import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

// test/*.test.html load only dist/lossquake.js, as a page would (run `pnpm build` first).
export default testConfig({
  files: ['src/**/*.test.ts', 'test/**/*.test.html'],
  middleware: [serveMocha],
});
