/**
 * Word documents and web pages in the viewer: the readers' HTML (mammoth's, for a .docx; the page
 * itself, for HTML saved under a .doc name) rebuilt from an allowlist (sanitize.ts) in a detached
 * document that the page auditor reads; the same nodes are then shown, so marks land on the cells
 * that were read.
 */
import { copySanitised } from './sanitize';

/** Untrusted HTML → a detached document holding only allowed nodes, in a Word-like container the reader knows. */
export function sanitisedDocument(html: string, title: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const doc = document.implementation.createHTMLDocument(parsed.title.trim() || title);
  // The page's metadata names (ArticleTitle, PubDate …) as the reader looks for them: inert text.
  for (const meta of Array.from(parsed.querySelectorAll('meta[name][content]')).slice(0, 50)) {
    const copy = doc.createElement('meta');
    copy.setAttribute('name', (meta.getAttribute('name') ?? '').slice(0, 60));
    copy.setAttribute('content', (meta.getAttribute('content') ?? '').slice(0, 300));
    doc.head.append(copy);
  }
  const section = doc.createElement('div');
  section.className = 'WordSection1';
  copySanitised(parsed.body ?? parsed.documentElement, section, doc);
  doc.body.append(section);
  return doc;
}
