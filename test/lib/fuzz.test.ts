/**
 * Mutation fuzzing of report pages: cells deleted or duplicated, impossible spans, deep nesting,
 * invisible and bidi characters, markup and scripts inside cells, enormous labels, long repeats of
 * template words, Word artefacts and digits, many span-bomb tables, a 100,000-cell table. The audit
 * never fails, stays within a time proportional to the page, and every result is a valid audit
 * result. FUZZ_RUNS sets the number of cases.
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../lib/audit';
import { parseDocument } from '../../lib/cli/dom';
import { internalErrors } from '../../lib/result';
import { auditResultSchema } from '../../lib/model/result';
import { HTML_SHAPES, renderHtml } from '../support/render';
import { consistentReport } from '../support/report-data';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const NASTY = ['\u200b', '\u202e', '\u2066', '\ufeff', '\u00a0', '\u3000', '<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '=cmd|\' /C calc\'!A0', '\ud800'];

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'span'; at: number; attr: 'rowspan' | 'colspan'; value: string }
  | { kind: 'nest'; depth: number }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'markup'; at: number; html: string }
  | { kind: 'long-label'; at: number; length: number }
  | { kind: 'repeat'; at: number; unit: string; count: number }
  | { kind: 'span-bombs'; count: number };

/** Template words, Word artefacts and digits: repeated, each once took time growing with the square of its length. */
const REPEATED = ['不予公开', '勾稽关系', '[bookmark:', '[bookmark: _GoBack]', '项目数量', '7', '1,000', '（一）', '总计', '\u3000'];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(2000) }),
  fc.record({ kind: fc.constant('span' as const), at: fc.nat(2000), attr: fc.constantFrom('rowspan' as const, 'colspan' as const),
    value: fc.constantFrom('0', '-3', '99999', 'abc', '1e9', '65535', '') }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(2000), text: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('markup' as const), at: fc.nat(2000), html: fc.constantFrom(NASTY[6]!, NASTY[7]!, '<table><tr><td>1</td></tr></table>', '<b>左栏所有总计</b>') }),
  fc.record({ kind: fc.constant('long-label' as const), at: fc.nat(2000), length: fc.integer({ min: 1000, max: 20000 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(2000), unit: fc.constantFrom(...REPEATED), count: fc.integer({ min: 1000, max: 8000 }) }),
  fc.record({ kind: fc.constant('span-bombs' as const), count: fc.integer({ min: 1, max: 15 }) }),
);

/** A small table whose one cell spans 200 × 1000 slots; more than ten of them pass the page's cap. */
function spanBomb(doc: Document): Element {
  const table = doc.createElement('table');
  const first = table.appendChild(doc.createElement('tr'));
  const cell = first.appendChild(doc.createElement('td'));
  cell.setAttribute('rowspan', '200');
  cell.setAttribute('colspan', '1000');
  cell.textContent = '予以公开';
  first.appendChild(doc.createElement('td')).textContent = '结果维持';
  // Cells for numbers: without them a table is not read as a report table at all.
  for (let i = 0; i < 2; i += 1) first.appendChild(doc.createElement('td')).textContent = '0';
  for (let i = 1; i < 200; i += 1) table.appendChild(doc.createElement('tr'));
  return table;
}

function mutate(doc: Document, mutation: Mutation): void {
  const cells = Array.from(doc.querySelectorAll('td'));
  const cell = cells.length ? cells[('at' in mutation ? mutation.at : 0) % cells.length]! : null;
  switch (mutation.kind) {
    case 'delete': cell?.remove(); break;
    case 'duplicate': cell?.after(cell.cloneNode(true)); break;
    case 'span': cell?.setAttribute(mutation.attr, mutation.value); break;
    case 'text': if (cell) cell.textContent = `${cell.textContent ?? ''}${mutation.text}`; break;
    case 'markup': cell?.insertAdjacentHTML('beforeend', mutation.html); break; // eslint-disable-line no-restricted-properties -- building hostile input
    case 'long-label': if (cell) cell.textContent = '规章'.repeat(mutation.length / 2); break;
    case 'repeat': if (cell) cell.textContent = mutation.unit.repeat(mutation.count); break;
    case 'span-bombs': for (let i = 0; i < mutation.count; i += 1) doc.body.append(spanBomb(doc)); break;
    case 'nest': {
      const table = doc.querySelector('table.MsoNormalTable, table[border]');
      if (!table) break;
      let outer: Element = table;
      for (let i = 0; i < mutation.depth; i += 1) {
        const wrapper = doc.createElement('table');
        const td = wrapper.appendChild(doc.createElement('tr')).appendChild(doc.createElement('td'));
        outer.replaceWith(wrapper);
        td.append(outer);
        outer = wrapper;
      }
    }
  }
}

describe('mutation fuzzing', () => {
  it(`never fails, stays valid and bounded for ${RUNS} mutated pages`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('2019' as const, '2021' as const), fc.nat(10_000), fc.constantFrom(...HTML_SHAPES), fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
        async (format, seed, shape, mutations) => {
          const window = new Window();
          window.document.write(renderHtml(consistentReport(format, seed), shape));
          const doc = window.document as unknown as Document;
          for (const mutation of mutations) mutate(doc, mutation);
          const size = doc.documentElement.outerHTML.length; // eslint-disable-line no-restricted-properties -- measuring, not rendering
          const timed = () => {
            const started = performance.now();
            const audit = auditDocument(doc, { source: 'fuzz' });
            return { result: audit.result, elapsed: performance.now() - started };
          };
          const first = timed();
          // A hang guard, not a speed goal (those live in `npm run bench`): a quadratic path on a page of
          // this size takes minutes, a busy CI machine at load 16 seconds at most. 10 s plus 1 ms a byte.
          const bound = 10_000 + size;
          // A pause of the test process (GC, a busy machine) is not a hang: a hang repeats, so time a second run.
          const { result, elapsed } = first.elapsed < bound ? first : timed();
          const pwned = (window as unknown as { __pwned?: number }).__pwned;
          await window.happyDOM.close(); // awaited: thousands of unclosed windows exhaust the heap
          expect(internalErrors(result)).toEqual([]);
          expect(() => auditResultSchema.parse(result)).not.toThrow();
          expect(elapsed).toBeLessThan(bound);
          expect(pwned).toBeUndefined();
        }),
      { numRuns: RUNS },
    );
  }, 30_000 + RUNS * 600);

  it('reads a 100,000-cell table in time proportional to its size', () => {
    const rows = Array.from({ length: 10_000 }, (_, r) => `<tr>${Array.from({ length: 10 }, (_, c) => `<td>${r * 10 + c}</td>`).join('')}</tr>`).join('');
    const html = `<html><body><table><tr><td>予以公开</td><td>结果维持</td></tr>${rows}</table></body></html>`;
    const started = performance.now();
    const { result } = auditDocument(parseDocument(html), { source: 'big' });
    // A hang guard (linear reads it in ~1 s, a quadratic path in hours), not a speed goal.
    expect(performance.now() - started).toBeLessThan(120_000);
    expect(() => auditResultSchema.parse(result)).not.toThrow();
    expect(internalErrors(result)).toEqual([]);
  });

  it('reads a table of impossible spans without expanding them into memory', () => {
    const html = `<table><tr><td rowspan="65534" colspan="1000">予以公开</td><td colspan="1000">结果维持</td></tr>${'<tr><td colspan="1000">0</td></tr>'.repeat(3000)}</table>`;
    const { result, report } = auditDocument(parseDocument(`<html><body>${html}</body></html>`), { source: 'spans' });
    expect(() => auditResultSchema.parse(result)).not.toThrow();
    expect(internalErrors(result)).toEqual([]);
    expect(report.anomalies.some((a) => a.includes('clamped') || a.includes('not expanded'))).toBe(true);
  });

  it('caps span expansion per page, not per table: a hundred span-bomb tables stay fast', () => {
    const table = `<table><tr><td rowspan="2000" colspan="1000">予以公开</td><td>结果维持</td><td>0</td><td>0</td></tr>${'<tr></tr>'.repeat(1999)}</table>`;
    const doc = parseDocument(`<html><body>${table.repeat(100)}</body></html>`);
    const started = performance.now();
    const { result, report } = auditDocument(doc, { source: 'bombs' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(() => auditResultSchema.parse(result)).not.toThrow();
    expect(report.anomalies.filter((a) => a.includes("the page's tables are too large"))).toHaveLength(99);
  });
});
