import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * ../shared beside the checkout (as CI lays it out), or SHARED_DIR: the seeds, real reports and
 * spec the tests read. Without it every file that imports this one fails to load, loudly, and the
 * closing line counts each as a failure (test/summary-reporter.ts; test/shared-missing.test.ts).
 */
export const SHARED = resolve(process.env.SHARED_DIR ?? join(new URL('../../', import.meta.url).pathname, '../shared'));
if (!existsSync(join(SHARED, 'seeds'))) throw new Error(`the shared test material (seeds, real reports, spec) is not at ${SHARED}: put it at ../shared beside the checkout or set SHARED_DIR`);

export const sharedPath = (...parts: string[]) => join(SHARED, ...parts);
