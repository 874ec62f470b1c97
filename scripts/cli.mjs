/**
 * `npm run audit`: runs the command line from one esbuild bundle (dist/cli/audit.mjs), built at
 * install (`postinstall`) and rebuilt here whenever a source under lib/ is newer, so `npm ci` + one
 * command keeps working and starting takes a bare `node` start-up plus one file (not tsx compiling
 * the TypeScript on every run). `node scripts/cli.mjs --build` only builds.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILD_OPTIONS } from './cli-build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'dist/cli/audit.mjs');
const SOURCES = [join(ROOT, 'lib'), join(ROOT, 'package.json'), join(ROOT, 'scripts/cli.mjs'), join(ROOT, 'scripts/cli-build.mjs')];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function isFresh() {
  try {
    const built = statSync(BUNDLE).mtimeMs;
    return SOURCES.every((source) => newest(source) <= built);
  } catch {
    return false;
  }
}

export async function buildCli() {
  const { build } = await import('esbuild');
  await build({ ...BUILD_OPTIONS, entryPoints: [join(ROOT, 'lib/cli/main.ts')], outfile: BUNDLE });
}

if (process.argv.includes('--build')) await buildCli();
else {
  if (!isFresh()) await buildCli();
  await import(pathToFileURL(BUNDLE).href);
}
