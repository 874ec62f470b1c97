// Preloaded (`node --require`) into a command line run by test/lib/cli/pool.test.ts: failures that
// nothing awaits, as a library leaves them behind (pdf.js once rejected a promise after the reader
// had answered). In the main thread, a rejection and a throw from timers while the batch runs; in a
// reading worker, the same from inside the first document's reading (its first text decoding).
/* global require, TextDecoder, queueMicrotask */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload
const { isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  setTimeout(() => void Promise.reject(new Error('stray rejection in the main thread')), 400).unref();
  setTimeout(() => {
    throw new Error('stray throw in the main thread');
  }, 450).unref();
} else {
  // Armed once the worker says it is ready (Node's own module loading decodes text too).
  let armed = false;
  const post = parentPort.postMessage.bind(parentPort);
  parentPort.postMessage = (message, transfer) => {
    if (message?.type === 'ready') armed = true;
    return post(message, transfer);
  };
  const decode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function (...args) {
    if (armed) {
      armed = false;
      void Promise.reject(new Error('stray rejection in a reader'));
      queueMicrotask(() => {
        throw new Error('stray throw in a reader');
      });
    }
    return decode.apply(this, args);
  };
}
