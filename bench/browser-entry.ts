/** What the browser benchmark calls inside the page: the content script's pipeline, stage by stage. */
import { Overlay } from '../components/Overlay';
import { extractFromDocument, looksLikeReport } from '../lib/extract/html';
import { renderFindings } from '../lib/i18n/render';
import { marksOf } from '../lib/present/marks';
import { runRules } from '../lib/rules';
import { matchReport } from '../lib/template/match';

const overlay = new Overlay();

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

export function detect(): { report: boolean; ms: number } {
  const [report, ms] = time(() => looksLikeReport(document));
  return { report, ms };
}

/**
 * The floor an audit is compared with: reading every table cell's text once, as a reader sees it
 * (`innerText`: laid out, hidden text left out), and nothing else. Repeated `times` over, since one
 * pass is below the browser's timer resolution; `firstMs` is the first pass alone, read as the audit
 * is (once, right after it), for comparison.
 */
export function readCells(times = 20, how: 'innerText' | 'textContent' = 'innerText'): { ms: number; firstMs: number; cells: number } {
  const cells = document.getElementsByTagName('td');
  let length = 0;
  const started = performance.now();
  let firstMs = 0;
  for (let t = 0; t < times; t += 1) {
    for (let i = 0; i < cells.length; i += 1) length += ((cells[i] as HTMLElement)[how] ?? '').length;
    if (t === 0) firstMs = performance.now() - started;
  }
  return { ms: (performance.now() - started) / times, firstMs, cells: length >= 0 ? cells.length : 0 };
}

/** The whole audit with marks drawn (and laid out) unless `drawMarks` is false, timed per stage. */
export function audit(drawMarks = true): Record<string, number> {
  const [detected, detection] = time(() => looksLikeReport(document));
  const [{ extracted, elements }, extraction] = time(() => extractFromDocument(document));
  const [report, matching] = time(() => matchReport(extracted));
  const [findings, rules] = time(() => renderFindings(runRules(report).findings, report.format, 'zh'));
  const [, marks] = time(() => {
    if (!drawMarks) return;
    overlay.show({ marks: marksOf(findings, (i) => findings[i]?.src), elements, related: [], suspect: null, selected: null, lang: 'zh', onSelect: () => undefined });
    document.querySelector('nianbao-audit-marks')?.shadowRoot?.firstElementChild?.getBoundingClientRect(); // force layout
  });
  if (drawMarks) overlay.hide();
  return { detected: detected ? 1 : 0, detection, extraction, matching, rules, marks, findings: findings.length,
    total: detection + extraction + matching + rules + marks };
}

(globalThis as unknown as { __bench: unknown }).__bench = { detect, audit, readCells };
