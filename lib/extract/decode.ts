/**
 * Bytes of a page or text dump → text, as browsers decide the encoding: a byte order mark wins,
 * then the HTTP header's charset, then a <meta> in the first 4 KB; undeclared (or unknown) text that
 * is not valid UTF-8 is read as GB18030. TextDecoder only, so the CLI and the extension's batch view
 * decode alike.
 */

/** The encoding a byte order mark names (it wins over every declaration, as in browsers). */
function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The charset a page declares: BOM, HTTP header, or <meta> in its first bytes. */
export function declaredCharset(bytes: Uint8Array, contentType: string | null): string | null {
  const bom = bomCharset(bytes);
  if (bom) return bom;
  const fromHeader = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const fromMeta = /<meta[^>]{0,400}?charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
  // A page read as bytes cannot be UTF-16 by a <meta> it could only be read by already knowing it: browsers take UTF-8.
  return fromMeta && /^utf-16/i.test(fromMeta) ? 'utf-8' : fromMeta;
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

/** The text and the encoding it was read in (TextDecoder's name for it). */
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

/** The text alone. */
export function decode(bytes: Uint8Array, contentType: string | null = null): string {
  return decodePage(bytes, contentType).text;
}
