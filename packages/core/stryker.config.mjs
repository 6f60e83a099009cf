// Mutation testing for core (`pnpm --filter @lossquake/core mutation`; not in CI, it takes minutes):
// StrykerJS plants one small bug at a time in src and runs the mocha tests in Node against each.
// Results and the survivors judged equivalent: MUTATION.md.
export default {
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  mutate: ['src/**/*.ts', '!src/**/*.test.ts', '!src/test-helpers/**'],
  // The tests import TypeScript; tsx compiles it in the test process.
  testRunnerNodeArgs: ['--import', 'tsx'],
  // MUTATION_IGNORE (comma-separated test files) leaves slow tests out of a partial run; MUTATION.md
  // says which runs did that.
  mochaOptions: {
    spec: ['src/**/*.test.ts'],
    ignore: process.env.MUTATION_IGNORE?.split(',') ?? [],
  },
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level constant) reruns every test in a fresh process; on two cores that
  // turns minutes into hours, so they are left out of the score (MUTATION.md lists what that skips).
  ignoreStatic: true,
  // Reruns test only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: '.test-results/mutation/incremental.json',
  // Two shared cores: one test process keeps the machine usable.
  concurrency: 1,
  tempDirName: '.stryker-tmp',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: '.test-results/mutation/mutation.json' },
  htmlReporter: { fileName: '.test-results/mutation/index.html' },
  thresholds: { high: 90, low: 85, break: null },
};
