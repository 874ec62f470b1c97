/**
 * `npm run check` and `npm run test:e2e`: run the steps in order, show their output as it comes, and
 * end with ONE closing line over all of them (`check: N passed, N failed`) that agrees with the exit
 * status. A step that prints its own closing lines (Vitest through test/summary-reporter.ts, every
 * e2e suite through harness.ts) counts its cases; a step without (typecheck, lint, build) counts as one.
 * A step that exits non-zero is at least one failure, even when its last line said “0 failed”
 * (a crash after the tally): before, `check` ended on “npm start: 1 passed, 0 failed” and exited 1.
 */
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  /** Not run when this earlier step failed (the e2e suites need the build). */
  needs?: string;
}

const E2E_SUITES = [
  'chromium', 'differential.chromium', 'firefox', 'same', 'viewer.chromium', 'viewer.firefox', 'viewer-fixtures.chromium',
  'batch.chromium', 'batch.firefox', 'batch-attachment.chromium', 'batch-attachment.firefox',
  'batch-column.chromium', 'batch-column.firefox', 'workspace.chromium', 'workspace.firefox', 'records.chromium', 'a11y.chromium', 'a11y.firefox', 'faults.chromium', 'faults.firefox',
];

const PLANS: Record<string, Step[]> = {
  check: [
    { name: 'typecheck', command: 'npm run typecheck' },
    { name: 'lint', command: 'npm run lint' },
    { name: 'unit', command: 'npm test' },
    { name: 'build', command: 'npm run build:all' },
    { name: 'lint:firefox', command: 'npm run lint:firefox', needs: 'build' },
    { name: 'e2e', command: 'npm run test:e2e', needs: 'build' },
  ],
  e2e: [
    ...E2E_SUITES.map((suite) => ({ name: suite, command: `tsx test/e2e/${suite}.ts` })),
    { name: 'npm start', command: 'npm run test:start' },
  ],
};

/** The last `N passed, N failed` line a step printed, if any. */
const CLOSING = /(\d+) passed, (\d+) failed/;

interface Tally {
  name: string;
  passed: number;
  failed: number;
  note: string;
}

function run(step: Step): Promise<Tally> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(step.command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let closing: RegExpExecArray | null = null;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) closing = CLOSING.exec(line) ?? closing;
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('close', (code, signal) => {
      closing = CLOSING.exec(pending) ?? closing;
      const seconds = `${Math.round((Date.now() - started) / 1000)} s`;
      const ok = code === 0;
      if (!closing) return done({ name: step.name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: `${ok ? 'ok' : `exit ${code ?? signal}`}, ${seconds}` });
      const passed = Number(closing[1]);
      let failed = Number(closing[2]);
      // A non-zero exit is a failure whatever the tally said; a zero exit with failures still fails the run.
      const extra = !ok && failed === 0 ? 1 : 0;
      failed += extra;
      done({ name: step.name, passed, failed, note: `${extra ? `exit ${code ?? signal} after reporting 0 failed, ` : ''}${seconds}` });
    });
  });
}

async function main(): Promise<void> {
  const plan = process.argv[2] ?? '';
  const steps = PLANS[plan];
  if (!steps) {
    console.log(`usage: tsx test/steps.ts ${Object.keys(PLANS).join('|')}\n${plan || 'steps'}: 0 passed, 1 failed`);
    process.exit(1);
  }
  const tallies: Tally[] = [];
  const failedSteps = new Set<string>();
  for (const step of steps) {
    if (step.needs && failedSteps.has(step.needs)) {
      tallies.push({ name: step.name, passed: 0, failed: 1, note: `not run: ${step.needs} failed` });
      failedSteps.add(step.name);
      continue;
    }
    console.log(`\n── ${plan}: ${step.name} (${step.command})`);
    const tally = await run(step);
    tallies.push(tally);
    if (tally.failed > 0) failedSteps.add(step.name);
  }
  const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
  const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
  console.log(`\n── ${plan}, step by step`);
  // Written so that the closing-line pattern matches only the last line.
  for (const t of tallies) console.log(`  ${t.failed ? '✗' : '✓'} ${t.name} (${t.note}): ${t.passed} passed · ${t.failed} failed`);
  console.log(`${plan}: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
