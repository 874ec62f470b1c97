import { gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';

/**
 * A DecompressionStream for Node that inflates in one synchronous zlib call once its input is
 * written, for pdf.js. pdf.js 5 inflates every FlateDecode stream — page contents, embedded fonts,
 * character maps — through `new DecompressionStream('deflate')`, writing the whole stream at once.
 * Node's own builds a zlib stream, web-stream adapters around it, and inflates on the libuv thread
 * pool: on the PDFs of fixtures/real and test/fixtures/documents that made getTextContent 24 ms a
 * page against 14 ms this way (in-process, four runs), most of the difference the thread sitting
 * idle while the pool inflated a few kilobytes.
 *
 * Whatever one call cannot answer goes to Node's own stream with the same bytes, so callers see
 * what they saw before: damaged or truncated data (the chunks inflated before the damage, then the
 * error — what lib/extract/measure/inflate.ts's `webInflate` counts), output past ONE_CALL_LIMIT
 * (an inflation bomb is streamed, so a reader that stops at its cap stops it), formats zlib's
 * one-call functions do not cover (pdf.js's 'brotli', which Node 20 refuses as before).
 */

type Format = 'deflate' | 'deflate-raw' | 'gzip';
const ONE_CALL: Record<Format, (data: Uint8Array, options: ZlibOptions) => Buffer> = { deflate: inflateSync, 'deflate-raw': inflateRawSync, gzip: gunzipSync };

/** Bytes one call may produce; larger output is streamed by Node's own DecompressionStream. */
export const ONE_CALL_LIMIT = 16 * 1024 * 1024;

type Pair = { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };
type PairConstructor = new (format: CompressionFormat) => Pair;

/** A DecompressionStream class over `native` (Node's own), for installing as the thread's global. */
export function oneCallDecompressionStream(native: PairConstructor): PairConstructor {
  return class OneCallDecompressionStream {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<Uint8Array>;

    constructor(format: CompressionFormat) {
      const inflate = ONE_CALL[format as Format];
      if (!inflate) {
        ({ readable: this.readable, writable: this.writable } = new native(format));
        return;
      }
      const chunks: Uint8Array[] = [];
      const pair = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk) {
          chunks.push(bytesOf(chunk));
        },
        async flush(controller) {
          const input = concat(chunks);
          chunks.length = 0;
          let output: Buffer | null = null;
          try {
            output = inflate(input, { maxOutputLength: ONE_CALL_LIMIT });
          } catch {
            // Damaged, truncated, or too large for one call: Node's stream answers, chunk by chunk.
          }
          if (output) return controller.enqueue(new Uint8Array(output.buffer, output.byteOffset, output.byteLength));
          const source = new ReadableStream<Uint8Array>({ start: (feed) => (feed.enqueue(input), feed.close()) });
          const reader = source.pipeThrough(new native(format)).getReader();
          try {
            for (let read = await reader.read(); !read.done; read = await reader.read()) controller.enqueue(read.value);
          } finally {
            void reader.cancel().catch(() => undefined);
          }
        },
      });
      this.readable = pair.readable;
      this.writable = pair.writable;
    }
  };
}

/** A written chunk as bytes: web streams accept any BufferSource; anything else is refused as Node's own refuses it. */
function bytesOf(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer || chunk instanceof SharedArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError('The "chunk" argument must be of type ArrayBuffer, Buffer, TypedArray or DataView');
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
