// `pnpm test`: runs every package's browser tests, and the Node runs of those that have one (`test:node`),
// through turbo, then prints one total line.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const workspaces = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(join(root, dir)).map((name) => join(root, dir, name)),
);
for (const dir of workspaces) rmSync(join(dir, '.test-results'), { recursive: true, force: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
const run = spawnSync(
  'pnpm',
  [
    'exec',
    'turbo',
    'run',
    'test',
    'test:node',
    '--concurrency=1',
    '--continue',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env,
  },
);

const totals = { passed: 0, failed: 0, skipped: 0 };
// One counts file per run: results.json from the browser (tools/wtr-reporter.mjs), node.json from
// mocha (tools/mocha-reporter.cjs).
const countFiles = workspaces.flatMap((dir) => {
  const results = join(dir, '.test-results');
  if (!existsSync(results)) return [];
  return readdirSync(results)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(results, name));
});
for (const file of countFiles) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
  for (const broken of result.brokenFiles ?? []) console.error(`broken test file: ${broken}`);
  for (const { file, test, error } of result.failures ?? [])
    console.error(`failed: ${relative(root, file)} › ${test}\n  ${error}`);
}
// A package whose test task failed without writing results still counts as a failure.
if (run.status !== 0 && totals.failed === 0) totals.failed = 1;
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(run.status === 0 && totals.failed === 0 ? 0 : 1);
