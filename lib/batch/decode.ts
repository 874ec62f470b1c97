/** The charset a page declares: HTTP header, BOM, or <meta> in its first bytes. */
export function declaredCharset(bytes: Uint8Array, contentType: string | null): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const fromHeader = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

function decoderFor(charset: string): TextDecoder | null {
  const label = charset.toLowerCase();
  // GB2312 and GBK pages routinely use characters only GB18030 (their superset) names correctly.
  const name = ['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'cp936'].includes(label) ? 'gb18030' : label;
  try {
    return new TextDecoder(name);
  } catch {
    return null;
  }
}

/**
 * Decode a fetched page by its declared charset (TextDecoder, in Node and in the extension alike);
 * an undeclared or unknown charset is tried as UTF-8, then GB18030.
 */
export function decodePage(bytes: Uint8Array, contentType: string | null = null): { text: string; charset: string } {
  const declared = declaredCharset(bytes, contentType);
  const decoder = declared ? decoderFor(declared) : null;
  if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}
