import { readDocument, type ReaderEnv } from '../extract/document';
import { documentMessage } from '../i18n/documents';
import type { Lang } from '../i18n/render';
import type { Extracted } from '../extract/types';
import type { FetchedPage } from './fetch';

/** An attachment read: its tokens, or why not (扫描件，无文字层 …) in the run's language. */
export interface AttachmentRead {
  extracted: Extracted | null;
  problem: string | null;
}

/**
 * The batch's attachment reader over the document readers (lib/extract/document.ts): the host
 * gives the readers' env (Node: legacy pdf.js and word-extractor; the batch view: pdf.js with its
 * worker), loaded only when the first attachment comes.
 */
export function attachmentReader(loadEnv: () => Promise<ReaderEnv>, lang: Lang): (file: FetchedPage) => Promise<AttachmentRead> {
  let env: Promise<ReaderEnv> | null = null;
  return async (file) => {
    env ??= loadEnv();
    const read = await readDocument(file.bytes, { name: file.url, contentType: file.contentType }, await env);
    if (read.extracted) return { extracted: read.extracted, problem: null };
    return { extracted: null, problem: documentMessage(lang, read.error ?? 'unreadable') };
  };
}
