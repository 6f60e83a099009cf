// A web-test-runner reporter that writes pass/fail counts to .test-results/results.json,
// so tools/run-tests.mjs can print one honest total for the whole workspace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function count(suite, totals, file, path = []) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else {
      totals.failed += 1;
      // Kept so the last lines of a CI log name what failed, even when the log is cut.
      totals.failures.push({
        file,
        test: [...path, test.name].join(' › '),
        error: String(test.error?.message ?? 'failed')
          .split('\n')[0]
          .slice(0, 300),
      });
    }
  }
  for (const child of suite.suites ?? []) count(child, totals, file, [...path, child.name]);
}

export function countingReporter() {
  let rootDir = process.cwd();
  return {
    start({ config }) {
      rootDir = config.rootDir ?? rootDir;
    },
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, brokenFiles: [], failures: [] };
      for (const session of sessions) {
        const before = totals.passed + totals.failed + totals.skipped;
        if (session.testResults) count(session.testResults, totals, session.testFile);
        const ran = totals.passed + totals.failed + totals.skipped - before;
        // A file that fails to load or errors outside a test counts as one failure.
        if (!session.passed && (ran === 0 || (session.errors?.length ?? 0) > 0)) {
          totals.failed += 1;
          totals.brokenFiles.push(session.testFile);
        }
      }
      const dir = join(process.cwd(), '.test-results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'results.json'), JSON.stringify(totals, null, 2));
    },
  };
}
