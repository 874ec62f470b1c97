import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared beside the checkout (as CI lays it out), or SHARED_DIR. */
export const SHARED = resolve(process.env.SHARED_DIR ?? join(new URL('../../', import.meta.url).pathname, '../shared'));
if (!existsSync(join(SHARED, 'seeds'))) throw new Error(`shared material not found at ${SHARED}: set SHARED_DIR`);

export const sharedPath = (...parts: string[]) => join(SHARED, ...parts);
