/**
 * A batch whose inputs arrive one by one, in any order, while the rest are still being fetched: the
 * batch view's audit worker (entrypoints/batch/audit-worker.ts). Each input's first audit is made as
 * it arrives — in the pauses a polite fetcher leaves between requests — so that once the last report
 * is read only what needs the whole batch is left: pairing, the cross-year audits, copies, the list.
 * The answer is auditBatch's over the same inputs in their places (test/lib/batch/arriving.test.ts),
 * as the command line's pool gives it with first audits made in its workers (lib/cli/pool.ts).
 */
import type { Lang } from '../i18n/lang';
import { auditBatch, firstAudit, readyForBatch, type BatchAudit, type BatchAuditOptions, type FirstAudit } from './audit-batch';
import type { Prepared } from '../input/prepare';

export class ArrivingBatch {
  private readonly items: Prepared[] = [];
  /** Undefined where no first audit was made on arrival: auditBatch makes it then. */
  private readonly firsts: (FirstAudit | null | undefined)[] = [];
  /** The language the first audits were made in: a run in another one makes them again. */
  private madeIn: Lang | null = null;
  /** Milliseconds spent on the first audits made on arrival (the benchmark counts them with the run's). */
  arrivalMs = 0;

  /** An input read, at its place in the batch, audited now. */
  arrive(at: number, item: Prepared, lang: Lang): void {
    this.items[at] = item;
    if (this.madeIn !== null && this.madeIn !== lang) this.firsts.length = 0;
    this.madeIn = lang;
    try {
      const first = firstAudit(item, { lang });
      this.firsts[at] = first;
      this.arrivalMs += first?.ms ?? 0;
      readyForBatch(first);
    } catch {
      // A fault of ours, not the document's: auditBatch meets it again, where the caller handles it.
      this.firsts[at] = undefined;
    }
  }

  /** Inputs at their places whose first audit the batch makes when it runs (rows added at the end, inputs read before). */
  place(at: number, items: readonly Prepared[]): void {
    items.forEach((item, i) => {
      this.items[at + i] = item;
      this.firsts[at + i] = undefined;
    });
  }

  /** How many inputs are in place, from the first: the batch runs over `count` of them, every place filled. */
  ready(count: number): boolean {
    for (let i = 0; i < count; i += 1) if (this.items[i] === undefined) return false;
    return true;
  }

  /** The one batch audit over the first `count` inputs, with the first audits already made. */
  audit(count: number, options: BatchAuditOptions & { lang: Lang }): BatchAudit {
    if (!this.ready(count)) throw new Error(`batch incomplete: ${count} inputs expected`);
    const firsts = this.madeIn === options.lang ? this.firsts.slice(0, count) : [];
    return auditBatch(this.items.slice(0, count), options, firsts);
  }
}
