import type { Extracted } from '../../lib/extract/types';

/** The document readers of lib/extract (PDF text layer, binary Word) for the viewer. */
export async function readExtraction(_bytes: Uint8Array, _name: string, _contentType: string | null): Promise<Extracted> {
  throw new Error('PDF reader not merged yet');
}
