/**
 * The unit tests that judge the mutated code of `npm run test:mutation` (stryker.config.mjs), and
 * only those: Stryker runs the tests that cover each mutant, and the whole suite (PDF and DOCX
 * readers, the CLI bundle, the batch sites) would only slow its first, full run.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Spread, not mergeConfig: that would add these files to the whole suite's list instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/lib/rules/**/*.test.ts',
      'test/lib/export/**/*.test.ts',
      'test/lib/review/**/*.test.ts',
      'test/lib/present/**/*.test.ts',
      'test/lib/batch/**/*.test.ts',
      'test/lib/facts/agency.test.ts',
      'test/lib/result.test.ts',
      'test/entrypoints/popup/review-store.test.ts',
    ],
    reporters: ['default'],
    // Under Stryker's coverage instrumentation on the shared 2-core machine (load 10–15), the real-page
    // rule tests (narrative.mismatch's phrasings) passed the suite's 30 s; the dry run then stops.
    testTimeout: 120_000,
  },
});
