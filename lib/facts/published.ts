/**
 * A report's publication date, decided once from every place it can come from (output.md): the
 * site's own metadata, the date beside the link on a list page, the date printed in the report, and
 * a document's creation date. Every path into the audit — a page in the extension, a file, a URL, a
 * list's link, an attachment in the viewer or the batch — hands its candidates here.
 *
 * Why this order: the 条例 counts from when the report was made public, which is what the site says
 * (a county report signed 1月17日 went up on 2月26日: its signature date would hide a late report);
 * a list page states the same fact one step removed; the 落款 is when the report was signed, a floor
 * at best; a PDF's creation date is when somebody printed it (the viewer once called a report late
 * because it was printed after its deadline, though the linking page said 发布时间：2021-03-22).
 */
import type { DateCandidate, DateSource } from '../model/report';

export const DATE_PRECEDENCE: readonly DateSource[] = ['site', 'list', 'signature', 'document-metadata'];

export interface Published {
  publishedAt: string | null;
  publishedAtSource: DateSource | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The candidate of the best source; within one source the reader's first (it lists them best first). */
export function decidePublished(candidates: readonly DateCandidate[]): Published {
  for (const source of DATE_PRECEDENCE) {
    const found = candidates.find((candidate) => candidate.source === source && ISO.test(candidate.date));
    if (found) return { publishedAt: found.date, publishedAtSource: source };
  }
  return { publishedAt: null, publishedAtSource: null };
}

/**
 * A page's own site dates, handed on to the document it links (the viewer's and the batch's
 * attachment): the page's 发布时间 is when the report went up, whatever the file's own dates say.
 */
export function siteDates(dates: readonly DateCandidate[] | undefined): DateCandidate[] {
  const site = (dates ?? []).filter((date) => date.source === 'site');
  return site.filter((date, i) => site.findIndex((other) => other.date === date.date) === i).slice(0, 5);
}

/** Whether a date is enough to judge timeliness on (`report.late`): a document's metadata never is. */
export function judgesTimeliness(source: DateSource | null): boolean {
  return source !== null && source !== 'document-metadata';
}
