import { gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';

/**
 * A DecompressionStream for Node that inflates in one synchronous zlib call once its input is
 * written, for pdf.js. pdf.js 5 inflates every FlateDecode stream — page contents, embedded fonts,
 * character maps; a Chromium print has about a hundred a page — through
 * `new DecompressionStream('deflate')`, writing the whole stream at once. Node's own builds a zlib
 * stream and web-stream adapters around it and inflates on the libuv thread pool: on the PDFs of
 * fixtures/real and test/fixtures/documents getTextContent took 24 ms a page that way against 14 ms
 * this way (in-process, four runs), most of the difference the thread sitting idle while the pool
 * inflated a few kilobytes.
 *
 * Its two ends are not web streams (building a TransformStream per stream cost a third as much as
 * the inflating): they offer what readers of a DecompressionStream use — `writable.getWriter()`,
 * `readable.getReader()`, `for await` over `readable` — not `pipeThrough`/`pipeTo`, which check for
 * real streams (lib/extract/measure/inflate.ts writes and reads for that reason).
 *
 * Whatever one call cannot answer goes to Node's own stream with the same bytes, so callers see what
 * they saw before: damaged or truncated data (the chunks inflated before the damage, then the error),
 * output past ONE_CALL_LIMIT (an inflation bomb is streamed, so a reader that stops at its cap stops
 * it), input written in slices, formats zlib's one-call functions do not cover (pdf.js's 'brotli',
 * refused on Node 20 as before).
 */

type Format = 'deflate' | 'deflate-raw' | 'gzip';
const ONE_CALL: Record<Format, (data: Uint8Array, options: ZlibOptions) => Buffer> = { deflate: inflateSync, 'deflate-raw': inflateRawSync, gzip: gunzipSync };

/** Bytes one call may produce; larger output is streamed by Node's own DecompressionStream. */
export const ONE_CALL_LIMIT = 16 * 1024 * 1024;

type Pair = { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };
type PairConstructor = new (format: CompressionFormat) => Pair;
type Read = ReadableStreamReadResult<Uint8Array>;

/** The writing end: chunks kept until closed, then inflated (or handed to Node's own stream). */
interface OneCallWriter {
  readonly ready: Promise<void>;
  readonly closed: Promise<void>;
  readonly desiredSize: number;
  write(chunk: BufferSource): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
  releaseLock(): void;
}

/** The reading end's reader: the one inflated chunk, or Node's stream's chunks as they come. */
interface OneCallReader {
  readonly closed: Promise<void>;
  read(): Promise<Read>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}

/** A DecompressionStream class over `native` (Node's own), for installing as the thread's global. */
export function oneCallDecompressionStream(native: PairConstructor): PairConstructor {
  return class OneCallDecompressionStream {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<Uint8Array>;

    constructor(format: CompressionFormat) {
      // Own keys only: 'constructor' or '__proto__' is no format, and Node's own refuses it.
      const inflate = Object.hasOwn(ONE_CALL, format) ? ONE_CALL[format as Format] : null;
      if (!inflate) {
        ({ readable: this.readable, writable: this.writable } = new native(format));
        return;
      }
      const inflation = new Inflation(inflate, () => new native(format));
      const writable = { locked: false, getWriter: () => inflation.writer };
      const readable = {
        locked: false,
        getReader: () => inflation.reader,
        cancel: (reason?: unknown) => inflation.reader.cancel(reason),
        async *[Symbol.asyncIterator]() {
          for (let read = await inflation.reader.read(); !read.done; read = await inflation.reader.read()) yield read.value;
        },
      };
      this.readable = readable as unknown as ReadableStream<Uint8Array>;
      this.writable = writable as unknown as WritableStream<Uint8Array>;
    }
  };
}

/** One stream's inflating: what was written, and what a reader is given. */
class Inflation {
  private readonly chunks: Uint8Array[] = [];
  private state: 'writing' | 'closed' | 'failed' = 'writing';
  private failure: unknown = null;
  private readonly finished: Promise<void>;
  private finish!: () => void;
  /** The inflated bytes, until read. */
  private output: Uint8Array | null = null;
  /** Node's own stream's reader, when one call could not answer. */
  private fallback: ReadableStreamDefaultReader<Uint8Array> | null = null;
  private cancelled = false;

  readonly writer: OneCallWriter;
  readonly reader: OneCallReader;

  constructor(private readonly inflate: (data: Uint8Array, options: ZlibOptions) => Buffer, private readonly nativePair: () => Pair) {
    this.finished = new Promise((resolve) => (this.finish = resolve));
    const done = Promise.resolve();
    this.writer = {
      ready: done,
      closed: this.finished,
      desiredSize: 1,
      write: async (chunk) => {
        if (this.state !== 'writing') throw new TypeError('The stream is closed or errored');
        try {
          this.chunks.push(bytesOf(chunk));
        } catch (error) {
          // As web streams do: a chunk that is not bytes errors the whole stream, not just its write.
          this.fail(error);
          throw error;
        }
      },
      close: async () => this.close(),
      abort: async (reason) => this.fail(reason),
      releaseLock: () => undefined,
    };
    this.reader = {
      closed: this.finished,
      read: () => this.read(),
      cancel: async () => {
        this.cancelled = true;
        this.output = null;
        await this.fallback?.cancel().catch(() => undefined);
      },
      releaseLock: () => undefined,
    };
  }

  private close(): void {
    if (this.state !== 'writing') throw new TypeError('The stream is closed or errored');
    this.state = 'closed';
    // pdf.js writes a stream whole, in one chunk. A caller writing slices (the measuring inflater,
    // which on the command line only inflates what zlib's one call already refused) is streaming.
    const chunks = this.chunks.splice(0);
    try {
      const output = chunks.length === 1 ? this.oneCall(chunks[0]!) : null;
      if (output) this.output = output;
      else {
        // Damaged, truncated, too large for one call, or written in slices: Node's own stream answers, chunk by chunk.
        const pair = this.nativePair();
        const writer = pair.writable.getWriter();
        void (async () => {
          for (const chunk of chunks) await writer.write(chunk);
          await writer.close();
        })().catch(() => undefined);
        this.fallback = pair.readable.getReader();
      }
    } catch (error) {
      this.state = 'failed';
      this.failure = error;
    } finally {
      this.finish();
    }
  }

  /** The inflated bytes, or null where one call cannot answer. */
  private oneCall(input: Uint8Array): Uint8Array | null {
    try {
      const output = this.inflate(input, { maxOutputLength: ONE_CALL_LIMIT });
      return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
    } catch {
      return null;
    }
  }

  private fail(reason: unknown): void {
    this.state = 'failed';
    this.failure = reason;
    this.chunks.length = 0;
    this.finish();
  }

  private async read(): Promise<Read> {
    await this.finished;
    if (this.state === 'failed') throw this.failure;
    if (this.cancelled) return { done: true, value: undefined };
    if (this.fallback) return this.fallback.read();
    const value = this.output;
    this.output = null;
    return value ? { done: false, value } : { done: true, value: undefined };
  }
}

/** A written chunk as bytes: any BufferSource; anything else is refused (the spec's TypeError, which errors the stream). */
function bytesOf(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer || chunk instanceof SharedArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError('The "chunk" argument must be of type ArrayBuffer, Buffer, TypedArray or DataView');
}
