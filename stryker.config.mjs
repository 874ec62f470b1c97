// @ts-check
import { resolve } from 'node:path';

// The tests find ../shared beside the checkout; Stryker runs them from a copy in .stryker-tmp/.
process.env.SHARED_DIR ??= resolve('../shared');

/**
 * Mutation testing (`npm run test:mutation`): Stryker changes the code one small way at a time and
 * runs the tests that cover it; a change no test notices (a survivor) is a behaviour the tests do
 * not pin down. Scope: the rules, the exports, the reviews, what the views present, and the batch
 * pairing (issue 23). Slow (see docs/testing.md), so it is not part of `npm run check`; narrow it
 * with `npm run test:mutation -- --mutate 'lib/export/**\/*.ts'`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'lib/rules/**/*.ts',
    'lib/export/**/*.ts',
    'lib/review/**/*.ts',
    'lib/present/**/*.ts',
    'lib/batch/pair*.ts',
    // The review-save queue lives with the popup's storage; its test is a unit test all the same.
    'entrypoints/popup/review-store.ts',
  ],
  coverageAnalysis: 'perTest',
  // Two cores shared with others: one worker.
  concurrency: 1,
  timeoutMS: 30_000,
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
