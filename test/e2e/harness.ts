/** A small sequential runner for browser tests: named cases, a tally, the plain closing line CI reads. */
export type Case = [name: string, run: () => Promise<void>];

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}\n  expected ${e}\n  actual   ${a}`);
}

export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/** Cases counted over several groups, for a suite that closes with one line over them all. */
export interface Tally {
  passed: number;
  failed: number;
}

/**
 * Run the cases in order and return how many failed. Alone, print the suite's closing line; given a
 * tally, add to it instead (the suite prints one closing line over all its groups: closingLine).
 */
export async function runCases(suite: string, cases: Case[], tally?: Tally): Promise<number> {
  let passed = 0;
  let failed = 0;
  for (const [name, run] of cases) {
    const started = Date.now();
    try {
      await run();
      passed += 1;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${name}\n    ${String((error as Error).stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
    }
  }
  if (tally) {
    tally.passed += passed;
    tally.failed += failed;
    console.log(`  (${suite}: ${passed} of ${cases.length} passed)`);
  } else closingLine(suite, { passed, failed });
  return failed;
}

export function closingLine(suite: string, tally: Tally): void {
  console.log(`${suite}: ${tally.passed} passed, ${tally.failed} failed`);
}

/** Run a suite and exit with its result; a crash outside the cases counts as one failure, with the closing line CI reads. */
export function runSuite(suite: string, main: () => Promise<number>): void {
  main().then(
    (failed) => process.exit(failed ? 1 : 0),
    (error: unknown) => {
      console.error(error);
      console.log(`${suite}: 0 passed, 1 failed`);
      process.exit(1);
    },
  );
}
