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
  },
});
