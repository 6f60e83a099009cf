// Mocha's spec output, plus the same pass/fail counts the browser runs write (tools/wtr-reporter.mjs),
// in .test-results/node.json, so tools/run-tests.mjs counts the Node run in its total.
// Mocha loads reporters with require(), hence CommonJS; mocha itself is the running package's copy.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const Mocha = require(require.resolve('mocha', { paths: [process.cwd()] }));
const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } =
  Mocha.Runner.constants;

class CountingSpec extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const totals = { passed: 0, failed: 0, skipped: 0, brokenFiles: [], failures: [] };
    runner.on(EVENT_TEST_PASS, () => (totals.passed += 1));
    runner.on(EVENT_TEST_PENDING, () => (totals.skipped += 1));
    runner.on(EVENT_TEST_FAIL, (test, error) => {
      totals.failed += 1;
      totals.failures.push({
        file: test.file ?? 'node',
        test: `[node] ${test.fullTitle()}`,
        error: String(error?.message ?? 'failed')
          .split('\n')[0]
          .slice(0, 300),
      });
    });
    runner.once(EVENT_RUN_END, () => {
      const dir = join(process.cwd(), '.test-results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'node.json'), JSON.stringify(totals, null, 2));
    });
  }
}

module.exports = CountingSpec;
