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

export async function runCases(suite: string, cases: Case[]): Promise<number> {
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
  console.log(`${suite}: ${passed} passed, ${failed} failed`);
  return failed;
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
