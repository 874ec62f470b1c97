/* global global, setInterval */
// Preloaded (`node --expose-gc --require`) into a command line run by the deadline tests: a garbage
// collection every 100 ms, which is what made `AbortSignal.any([…, AbortSignal.timeout()])` stop firing on Node 20.
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
setInterval(global.gc, 100).unref();
