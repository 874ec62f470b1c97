/**
 * The command line's side of the pandas comparison, bundled by `npm run bench` with the options of
 * the shipped command line (scripts/cli-build.mjs) and run in its own process, as pandas_read.py
 * is: `node cli-passes.mjs FOLDER` audits every file of FOLDER once per line read from stdin and
 * prints one JSON line after each pass, `{ files, seconds, cpuSeconds }` (wall clock, and CPU time
 * of the whole process, all of its threads). The clock starts after start-up and imports.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { auditPrepared } from '../lib/batch/audit-batch';
import { cliEnv, prepareCliInput } from '../lib/cli/inputs';

const folder = process.argv[2]!;
const files = readdirSync(folder).map((file) => join(folder, file)).sort();

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'pass') continue;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const env = await cliEnv('zh');
  for (const file of files) for (const item of await prepareCliInput(file, false, env)) auditPrepared(item);
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ files: files.length, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 })}\n`);
}
