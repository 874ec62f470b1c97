import { auditDocument, auditText } from '../audit';
import type { Lang } from '../i18n/render';
import type { Format } from '../model/report';
import type { AuditResult } from '../model/result';
import { parseDocument } from './dom';
import { load } from './load';

export interface InputOptions {
  lang: Lang;
  format: 'auto' | Format;
}

/** Load one file or URL and audit it: HTML through the same DOM extraction as the extension, text through the text reader. */
export async function auditInput(input: string, args: InputOptions): Promise<AuditResult> {
  const loaded = await load(input);
  const options = { source: loaded.source, lang: args.lang, format: args.format };
  if (loaded.kind === 'text') return auditText(loaded.content, options).result;
  // parse5 builds the tree a browser builds; its nodes carry the interface extraction reads.
  return auditDocument(parseDocument(loaded.content), options).result;
}
