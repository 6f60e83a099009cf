import { testConfig } from '../../tools/wtr.config.mjs';

// The element starts its worker from `new URL('./landscape-worker.js', import.meta.url)`, which in
// the built package is dist/landscape-worker.js; tests run the TypeScript sources, so serve the .ts.
const workerFromSource = (context, next) => {
  if (context.path.endsWith('/batch-sampler/src/landscape-worker.js')) {
    context.path = context.path.replace(/\.js$/, '.ts');
  }
  return next();
};

export default testConfig({ files: ['src/**/*.test.ts'], middleware: [workerFromSource] });
