/**
 * The command line's first import (main.ts): starts the pool's first reading worker before the rest
 * of the bundle is evaluated (early-worker.ts). `import.meta.url` is the bundle's own address there.
 */
import { startEarly } from './early-worker';

startEarly(new URL(import.meta.url));
