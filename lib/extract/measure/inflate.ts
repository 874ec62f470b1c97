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

/** DecompressionStream, in browsers and Node alike. */
export const webInflate: Inflate = async (data, cap, keep) => {
  let at = 0;
  const input = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= data.byteLength) return controller.close();
      controller.enqueue(data.subarray(at, at + SLICE));
      at += SLICE;
    },
  }, { highWaterMark: 0 });
  const inflater = new DecompressionStream('deflate') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  // Damaged, truncated or not Deflate at all: the bytes before the damage are all a reader gets too.
  return readCapped(input.pipeThrough(inflater).getReader(), cap, { keep, keepBeforeFailure: true });
};
