/**
 * SHA-256 of what was read, as lowercase hex: the Web Crypto digest, which Node (20+) and every
 * browser context we run in provide as `globalThis.crypto.subtle`.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a text's UTF-8 bytes (a live page's serialised report container). */
export function sha256Text(text: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(text));
}
