/** What the bytes are, whatever the file is called: agencies serve web pages as .doc and PDFs as download.jsp. */
export type DocumentKind = 'pdf' | 'docx' | 'ole' | 'html' | 'unknown';

export function sniffKind(bytes: Uint8Array, name: string, contentType: string | null): DocumentKind {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1')) return 'ole';
  if (/^(\ufeff|\u00ef\u00bb\u00bf)?\s*</.test(head) && /<(html|body|table|div|p|meta|!doctype)\b/i.test(head)) return 'html';
  if (/html/i.test(contentType ?? '') || /\.html?$/i.test(name)) return 'html';
  return 'unknown';
}
