import { columnName, rowName } from '../i18n/labels';
import type { Lang } from '../i18n/lang';
import { anchorKey, type Anchor } from '../model/anchor';
import type { RenderedFinding, Severity } from '../model/finding';
import type { Format } from '../model/report';
import { isBlankFinding } from './counts';

export interface Mark {
  /** Where the mark is drawn: the anchor its findings carry (lib/model/anchor.ts). */
  anchor: Anchor;
  /** The anchor's key: one mark per place. */
  key: string;
  severity: Severity;
  messages: string[];
  /** Indexes into the findings list. */
  findings: number[];
  /** The expected value of the mark's one error, shown on its label where the cell leaves room (“应为 272”). */
  expected?: string;
  /**
   * What the mark's button says to a screen reader: the cell's place and what is wrong there
   * (“错误：“（七）总计”的“总计”：应为 272，实为 270”), since its visible label is only a glyph or
   * the expected value, and a bare count (“1 错误”) told a listener nothing.
   */
  name: string;
}

export interface MarkOptions {
  /** Mark blank and none-mark cells too (off by default: they are summarised in the list). */
  blanks?: boolean;
  /** The language of the marks' accessible names (the findings' messages are in it already). */
  lang?: Lang;
  /** The report's format, for the template's row and column names. */
  format?: Format | null;
}

/** Kept here, not in the UI strings, so the content script stays small. */
const NAME_WORDS = {
  zh: { error: '错误', warning: '警告', info: '提示', place: (row: string, column: string) => `“${row}”的“${column}”`, values: (e: number, a: number) => `应为 ${e}，实为 ${a}`, colon: '：', and: '；' },
  en: { error: 'Error', warning: 'Warning', info: 'Note', place: (row: string, column: string) => `“${row}” / “${column}”`, values: (e: number, a: number) => `expected ${e}, found ${a}`, colon: ': ', and: '; ' },
} as const;

function markName(findings: readonly RenderedFinding[], severity: Severity, options: MarkOptions): string {
  const words = NAME_WORDS[options.lang ?? 'zh'];
  const lang = options.lang ?? 'zh';
  const placed = findings.find((f) => f.table && f.row && f.column);
  const place = placed ? words.place(rowName(lang, options.format ?? null, placed.table!, placed.row!), columnName(lang, options.format ?? null, placed.table!, placed.column!)) : '';
  // A finding with both values says them; any other says its message, which names what is missing or wrong.
  const what = findings.map((f) => (typeof f.expected === 'number' && typeof f.actual === 'number' ? words.values(f.expected, f.actual) : f.message));
  return [words[severity], place, what.join(words.and)].filter(Boolean).join(words.colon);
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One mark per place a finding's anchor names: its worst severity and every message about it,
 * errors first. Returned warnings first, errors last, so that where marks meet an error paints over
 * a warning. `findings` indexes are the list's own: a mark names the findings it shows by them.
 */
export function marksOf(findings: readonly RenderedFinding[], options: MarkOptions = {}): Mark[] {
  const marks = new Map<string, Omit<Mark, 'name'> & { ranks: number[] }>();
  findings.forEach((finding, index) => {
    if (finding.severity === 'info' || (!options.blanks && isBlankFinding(finding))) return;
    const anchor = finding.anchor;
    if (!anchor) return;
    const key = anchorKey(anchor);
    const mark = marks.get(key) ?? { anchor, key, severity: finding.severity, messages: [] as string[], findings: [] as number[], ranks: [] as number[] };
    if (RANK[finding.severity] < RANK[mark.severity]) mark.severity = finding.severity;
    const at = mark.ranks.findIndex((rank) => rank > RANK[finding.severity]);
    const position = at === -1 ? mark.ranks.length : at;
    mark.ranks.splice(position, 0, RANK[finding.severity]);
    mark.messages.splice(position, 0, finding.message);
    mark.findings.splice(position, 0, index);
    marks.set(key, mark);
  });
  return [...marks.values()]
    .map(({ ranks: _ranks, ...rest }) => {
      const own = rest.findings.map((i) => findings[i]!);
      const mark = { ...rest, name: markName(own, rest.severity, options) };
      const errors = own.filter((f) => f.severity === 'error');
      const expected = errors.length === 1 && typeof errors[0]!.expected === 'number' ? String(errors[0]!.expected) : undefined;
      return expected === undefined ? mark : { ...mark, expected };
    })
    .sort((a, b) => RANK[b.severity] - RANK[a.severity]);
}
