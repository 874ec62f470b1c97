/**
 * A byte stream read up to a cap, the reading abandoned the moment the count passes it: the one loop
 * behind the fetcher's body limit (lib/input/fetch.ts) and the measuring inflater (inflate.ts), so
 * neither a 1 GB body nor a 1 MB stream inflating to 1 GB is ever held.
 */

export interface CappedRead {
  /** Bytes read; more than the cap means “over”, and the reading stopped there. */
  size: number;
  /** The bytes, when kept and within the cap. */
  bytes: Uint8Array | null;
}

export interface CappedOptions {
  /** Keep the bytes (else only count them). */
  keep?: boolean;
  /** The count so far, after each chunk within the cap. */
  onSize?: (size: number) => void;
  /** A stream that fails midway gives what came before (damaged Deflate); else the failure is thrown. */
  keepBeforeFailure?: boolean;
}

export async function readCapped(reader: ReadableStreamDefaultReader<Uint8Array>, cap: number, options: CappedOptions = {}): Promise<CappedRead> {
  const keep = options.keep ?? true;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) break;
      if (keep) chunks.push(value);
      options.onSize?.(size);
    }
  } catch (error) {
    if (!options.keepBeforeFailure) throw error;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return { size, bytes: keep && size <= cap ? joined(chunks, size) : null };
}

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
