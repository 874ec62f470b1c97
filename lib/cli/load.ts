import { readFileSync, statSync } from 'node:fs';
import { FETCH_LIMITS } from '../input/fetch';
import { InputError } from './messages';

export { InputError } from './messages';

const MB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * A file's bytes, within the one size limit (lib/input/fetch.ts) checked before it is read. Synchronous:
 * inputs are read one after another, and a promise-based read costs several round trips through the
 * thread pool per file (a tenth of a warm pass over 500 pages).
 */
export function readInputFile(path: string, maxBytes = FETCH_LIMITS.maxBytes): Uint8Array {
  try {
    if (statSync(path).size > maxBytes) throw new InputError('tooLarge', { source: path, value: MB(maxBytes) });
    return readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('noSuchFile', { source: path });
    if (code === 'EISDIR') throw new InputError('isDirectory', { source: path });
    throw new InputError('unreadable', { source: path, value: String(code ?? error) });
  }
}
