import { auditDocument, auditExtracted } from '../audit';
import { readDocument } from '../extract/document';
import { extractFromTextAny } from '../extract/layout-text';
import { documentMessage } from '../i18n/documents';
import type { Lang } from '../i18n/render';
import type { Format } from '../model/report';
import type { AuditResult } from '../model/result';
import { parseDocument } from './dom';
import { load } from './load';
import { InputError } from './messages';
import { nodeReaderEnv } from './reader-env';

export interface InputOptions {
  lang: Lang;
  format: 'auto' | Format;
}

/** Load one file or URL and audit it: HTML through the same DOM extraction as the extension, text through the text reader. */
export async function auditInput(input: string, args: InputOptions): Promise<AuditResult> {
  const loaded = await load(input);
  const options = { source: loaded.source, lang: args.lang, format: args.format };
  if (loaded.kind === 'document') {
    const read = await readDocument(loaded.bytes!, { name: loaded.source }, await nodeReaderEnv());
    // A scan, an encrypted or garbled PDF: one clear line, exit 2 for this input, the others still run.
    if (!read.extracted) throw new InputError('document', { source: loaded.source, value: documentMessage(args.lang, read.error ?? 'unreadable') });
    return auditExtracted(read.extracted, options).result;
  }
  if (loaded.kind === 'text') return auditExtracted(extractFromTextAny(loaded.content), options).result;
  // parse5 builds the tree a browser builds; its nodes carry the interface extraction reads.
  return auditDocument(parseDocument(loaded.content), options).result;
}
