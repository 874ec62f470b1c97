/**
 * Run by test/lib/input/deadline-gc.test.ts in its own Node, started with --expose-gc: one polite,
 * limited GET (the product's own fetcher) of a URL that never ends, with a garbage collection every
 * 50 ms while it waits. Prints `{ code, seconds }`: how and when the request ended.
 * `node --expose-gc --import tsx test/support/deadline-child.ts URL TIMEOUT_MS`
 */
import { FetchFailure, limitedGet, politeGetter } from '../../lib/input/fetch';

const [url, timeoutMs] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const collecting = setInterval(gc, 50);
const get = politeGetter({ get: limitedGet({ fetch: (target, init) => fetch(target, init), redirects: 'manual', limits: { timeoutMs: Number(timeoutMs) } }), delayMs: 0 });
const started = performance.now();
let code = 'body';
try {
  await get(url!);
} catch (error) {
  code = error instanceof FetchFailure ? error.code : String(error);
}
clearInterval(collecting);
process.stdout.write(`${JSON.stringify({ code, seconds: (performance.now() - started) / 1000 })}\n`);
