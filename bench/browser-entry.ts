/** What the browser benchmark calls inside the page: the content script's pipeline, stage by stage. */
import { Overlay } from '../components/overlay/host';
import { extractFromDocument, looksLikeReport } from '../lib/extract/html';
import { renderFindings } from '../lib/i18n/render';
import { marksOf } from '../lib/present/marks';
import { anchored } from '../lib/present/anchors';
import type { Anchor } from '../lib/model/anchor';
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
 * (`innerText`: laid out, hidden text left out), and nothing else; `ms` is the mean of `times`
 * readings in a row. (The benchmark's pages are cross-origin isolated: the clock reads to 5 µs,
 * fine enough for one reading.)
 */
export function readCells(times = 20, how: 'innerText' | 'textContent' = 'innerText'): { ms: number; cells: number } {
  const cells = document.getElementsByTagName('td');
  let length = 0;
  const started = performance.now();
  for (let t = 0; t < times; t += 1) {
    for (let i = 0; i < cells.length; i += 1) length += ((cells[i] as HTMLElement)[how] ?? '').length;
  }
  return { ms: (performance.now() - started) / times, cells: length >= 0 ? cells.length : 0 };
}

/** The whole audit with marks drawn (and laid out) unless `drawMarks` is false, timed per stage. */
export function audit(drawMarks = true): Record<string, number> {
  const [detected, detection] = time(() => looksLikeReport(document));
  const [{ extracted, elements }, extraction] = time(() => extractFromDocument(document));
  const [report, matching] = time(() => matchReport(extracted));
  const [findings, rules] = time(() => renderFindings(anchored(report, runRules(report).findings), report.format, 'zh'));
  const [, marks] = time(() => {
    if (!drawMarks) return;
    const place = (anchor: Anchor) => (anchor.kind === 'element' ? elements[anchor.src] : undefined);
    overlay.show({ marks: marksOf(findings), place, related: [], suspect: null, selected: null, lang: 'zh', onSelect: () => undefined });
    document.querySelector('nianbao-audit-marks')?.shadowRoot?.firstElementChild?.getBoundingClientRect(); // force layout
  });
  if (drawMarks) {
    overlay.hide();
    void document.body.offsetHeight; // laid out again, untimed: the next reading of the cells starts from a laid-out page
  }
  return { detected: detected ? 1 : 0, detection, extraction, matching, rules, marks, findings: findings.length,
    total: detection + extraction + matching + rules + marks };
}

(globalThis as unknown as { __bench: unknown }).__bench = { detect, audit, readCells };
