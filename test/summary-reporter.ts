import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Ends the run with the plain `N passed, N failed` line that CI reads, and makes it agree with
 * Vitest's exit status: a test file that fails outside its tests (it does not load, a hook throws)
 * and an unhandled error each count as a failure, since either makes Vitest exit 1.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[], unhandledErrors: readonly SerializedError[]): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') failedTests += 1;
        else counts.skipped += 1;
      }
      counts.failed += failedTests;
      // The file's own errors (a failed import, a throwing beforeAll) beyond its failed tests.
      if (failedTests === 0 && (module.state() === 'failed' || module.errors().length > 0)) counts.failed += 1;
    }
    counts.failed += unhandledErrors.length;
    const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
    process.stdout.write(`\nunit: ${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
  }
}
