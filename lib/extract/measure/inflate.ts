import { readCapped } from './read-capped';

/**
 * Inflating only to measure: a Flate stream's bytes counted as they come, the inflating stopped the
 * moment the count passes a cap, so a 1 MB stream that inflates to 1 GB costs at most the cap here.
 */

export interface Inflated {
  /** Bytes inflated; more than the cap means “over”, and the inflating stopped there. */
  size: number;
  /** The inflated bytes, when asked for and within the cap. */
  bytes: Uint8Array | null;
}

/**
 * How a host inflates zlib data (a PDF's FlateDecode) up to a cap: `webInflate` everywhere, or a
 * faster one (Node's zlib, lib/cli/reader-env.ts). Damaged data counts what inflated before the damage.
 */
export type Inflate = (data: Uint8Array, cap: number, keep: boolean) => Inflated | Promise<Inflated>;

/** Compressed bytes handed to the inflater at a time: at most about 16 MB come out of one (Deflate's ratio is 1032:1). */
const SLICE = 16 * 1024;

/**
 * DecompressionStream, in browsers and Node alike. Written and read through its writer and reader,
 * not piped: the command line's DecompressionStream (lib/cli/one-call-inflate.ts) offers those alone.
 */
export const webInflate: Inflate = async (data, cap, keep) => {
  const inflater = new DecompressionStream('deflate') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  const writer = inflater.writable.getWriter();
  // A slice at a time, each once the last was taken: with a browser's stream, a reader that stops at
  // the cap stops the writing. (The command line's takes every slice at once and streams after.)
  void (async () => {
    for (let at = 0; at < data.byteLength; at += SLICE) {
      await writer.ready;
      await writer.write(data.subarray(at, at + SLICE));
    }
    await writer.close();
  })().catch(() => undefined);
  // Damaged, truncated or not Deflate at all: the bytes before the damage are all a reader gets too.
  return readCapped(inflater.readable.getReader(), cap, { keep, keepBeforeFailure: true });
};
