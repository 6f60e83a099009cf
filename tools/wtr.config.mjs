// The one web-test-runner setup every package shares: system Chromium, TypeScript through esbuild,
// regl's CommonJS build wrapped as an ES module.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { chromiumPath, chromiumArgs } from './chromium.mjs';
import { countingReporter } from './wtr-reporter.mjs';

const commonjs = fromRollup(rollupCommonjs);
const tsconfig = fileURLToPath(new URL('../tsconfig.base.json', import.meta.url));

// The sampler starts its worker from `new URL('./landscape-worker.js', import.meta.url)`, which in the
// built package is dist/landscape-worker.js; tests run the TypeScript sources, so serve the .ts.
const workerFromSource = (context, next) => {
  if (context.path.endsWith('/batch-sampler/src/landscape-worker.js')) {
    context.path = context.path.replace(/\.js$/, '.ts');
  }
  return next();
};

export function testConfig({
  files = ['src/**/*.test.ts'],
  plugins = [],
  middleware = [],
  timeout = 20000,
} = {}) {
  return {
    files,
    // `source`: the workspace packages' TypeScript (their package.json maps it to src/index.ts), so a
    // test sees its dependencies' current code without a rebuild.
    nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
    rootDir: fileURLToPath(new URL('..', import.meta.url)),
    concurrency: 1,
    concurrentBrowsers: 1,
    testsFinishTimeout: 10 * 60 * 1000,
    browserStartTimeout: 60 * 1000,
    testFramework: { config: { timeout, ui: 'bdd' } },
    middleware: [workerFromSource, ...middleware],
    plugins: [
      commonjs({ include: ['**/node_modules/regl/**', '**/node_modules/.pnpm/regl@*/**'] }),
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig }),
      ...plugins,
    ],
    browsers: [
      chromeLauncher({
        launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs() },
      }),
    ],
    reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
  };
}
