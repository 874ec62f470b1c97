/**
 * The DecompressionStream the command line gives pdf.js (lib/cli/one-call-inflate.ts): the same
 * bytes, the same failures and the same streaming of large output as Node's own, whoever uses it —
 * pdf.js writing a whole stream at once, or the measuring inflater writing slices and reading capped.
 */
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ONE_CALL_LIMIT, oneCallDecompressionStream } from '../../../lib/cli/one-call-inflate';
import { webInflate } from '../../../lib/extract/measure/inflate';

const NATIVE = globalThis.DecompressionStream;
const OneCall = oneCallDecompressionStream(NATIVE as unknown as Parameters<typeof oneCallDecompressionStream>[0]) as unknown as typeof DecompressionStream;

/** A report-like stream: text operators with numbers, compressible but not trivially. */
function contentStream(bytes: number): Uint8Array {
  let text = '';
  for (let i = 0; text.length < bytes; i += 1) text += `BT /F1 10.5 Tf ${(i * 37) % 500} ${(i * 11) % 700} Td (${i}) Tj ET\n`;
  return new TextEncoder().encode(text.slice(0, bytes));
}

/** pdf.js's way (asyncGetBytesFromDecompressionStream): one write, then the readable iterated; the chunks, or the error after them. */
async function pdfjsWay(Stream: typeof DecompressionStream, format: CompressionFormat, data: Uint8Array): Promise<{ bytes: number; chunks: number; error: string | null }> {
  const { readable, writable } = new Stream(format);
  const writer = writable.getWriter();
  await writer.ready;
  writer.write(data as Uint8Array<ArrayBuffer>).then(async () => {
    await writer.ready;
    await writer.close();
  }).catch(() => undefined);
  let bytes = 0;
  let chunks = 0;
  try {
    for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      chunks += 1;
    }
    return { bytes, chunks, error: null };
  } catch (error) {
    return { bytes, chunks, error: (error as Error).name };
  }
}

afterEach(() => {
  globalThis.DecompressionStream = NATIVE;
});

describe('a DecompressionStream that inflates in one call', () => {
  it.each([['deflate', deflateSync], ['deflate-raw', deflateRawSync], ['gzip', gzipSync]] as const)('gives the same bytes as Node’s own for %s, in one chunk', async (format, compress) => {
    const plain = contentStream(200_000);
    const packed = new Uint8Array(compress(plain));
    const native = await pdfjsWay(NATIVE, format, packed);
    const ours = await pdfjsWay(OneCall, format, packed);
    expect(ours).toEqual({ bytes: plain.byteLength, chunks: 1, error: null });
    expect(native.bytes).toBe(plain.byteLength);
  });

  it('gives a truncated stream’s bytes before the damage, then the same error, as Node’s own', async () => {
    const packed = new Uint8Array(deflateSync(contentStream(300_000)));
    const cut = packed.subarray(0, Math.floor(packed.byteLength / 2));
    const native = await pdfjsWay(NATIVE, 'deflate', cut);
    const ours = await pdfjsWay(OneCall, 'deflate', cut);
    expect(native.error).not.toBeNull();
    expect(ours.error).toBe(native.error);
    expect(ours.bytes).toBe(native.bytes);
    expect(ours.bytes).toBeGreaterThan(0);
  });

  it('refuses what is not Deflate as Node’s own does', async () => {
    const junk = new TextEncoder().encode('this is not a zlib stream at all');
    expect((await pdfjsWay(OneCall, 'deflate', junk)).error).toBe((await pdfjsWay(NATIVE, 'deflate', junk)).error);
  });

  it('streams output larger than one call may hold, chunk by chunk, as Node’s own does', async () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(ONE_CALL_LIMIT + 1_000_000)));
    const ours = await pdfjsWay(OneCall, 'deflate', bomb);
    expect(ours.bytes).toBe(ONE_CALL_LIMIT + 1_000_000);
    expect(ours.chunks).toBeGreaterThan(100);
  });

  it('leaves formats zlib has no one call for to Node’s own (pdf.js’s brotli: refused on Node 20, as before)', () => {
    let native: unknown = null;
    let ours: unknown = null;
    try {
      new NATIVE('brotli' as CompressionFormat);
    } catch (error) {
      native = (error as Error).name;
    }
    try {
      new OneCall('brotli' as CompressionFormat);
    } catch (error) {
      ours = (error as Error).name;
    }
    expect(ours).toBe(native);
  });

  it('refuses names that are no format, inherited ones included, as Node’s own does', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'zip']) {
      expect(() => new NATIVE(name as CompressionFormat)).toThrow(TypeError);
      expect(() => new OneCall(name as CompressionFormat)).toThrow(TypeError);
    }
  });

  it('errors the whole stream when a written chunk is not bytes, as web streams do', async () => {
    const { readable, writable } = new OneCall('deflate');
    const writer = writable.getWriter();
    await expect(writer.write('not bytes' as unknown as Uint8Array<ArrayBuffer>)).rejects.toThrow(TypeError);
    await expect(writer.write(new Uint8Array(deflateSync(contentStream(100))))).rejects.toThrow(TypeError);
    await expect(readable.getReader().read()).rejects.toThrow(TypeError);
  });

  it('serves the measuring inflater, which writes slices and stops reading at its cap, with the same answers', async () => {
    const plain = contentStream(400_000);
    const packed = new Uint8Array(deflateSync(plain));
    const cases: [Uint8Array, number][] = [[packed, 1_000_000], [packed.subarray(0, 9_000), 1_000_000], [new Uint8Array(deflateSync(new Uint8Array(40_000_000))), 100_000]];
    for (const [data, cap] of cases) {
      globalThis.DecompressionStream = NATIVE;
      const native = await webInflate(data, cap, true);
      globalThis.DecompressionStream = OneCall;
      const ours = await webInflate(data, cap, true);
      // Over the cap both say "over"; how far past it the count went depends on chunking.
      if (native.size > cap) expect(ours.size).toBeGreaterThan(cap);
      else expect(ours).toEqual(native);
    }
  });
});
