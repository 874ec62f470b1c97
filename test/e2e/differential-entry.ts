/**
 * What the differential test compares, computed by the same code on both sides: in Chromium on the
 * browser's DOM (this file bundled into the page) and in Node on the command line's parse5 tree.
 */
import type { DocumentLike } from '../../lib/extract/dom';
import { extractFromDocument } from '../../lib/extract/html';
import type { Extracted } from '../../lib/extract/types';

export interface Reading {
  /** One line per token: row, table/column+spans, text. */
  tokens: string[];
  blocks: string[];
  title: string | null;
  dates: Extracted['dates'];
  anomalies: string[];
}

export function readPage(doc: DocumentLike): Reading {
  const { extracted } = extractFromDocument(doc);
  return {
    tokens: extracted.tokens.map((t) => `${t.row} ${t.pos ? `${t.pos.table}/${t.pos.col}+${t.pos.colSpan}x${t.pos.rowSpan}` : '-'} ${JSON.stringify(t.text)}`),
    blocks: extracted.blocks.map((b) => b.text),
    title: extracted.title,
    dates: extracted.dates,
    anomalies: extracted.anomalies,
  };
}

(globalThis as unknown as { __readPage?: unknown }).__readPage = () => readPage(document);
