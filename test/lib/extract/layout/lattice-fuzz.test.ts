import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleGroups } from '../../../../lib/extract/layout/edges';
import { ruledTable } from '../../../../lib/extract/layout/lattice';
import { PDF_SETTINGS } from '../../../../lib/extract/layout/settings';
import type { Chunk, Segment } from '../../../../lib/extract/layout/types';
import { pageRulings, type PdfOps } from '../../../../lib/extract/pdf/rulings';
import { APPLICATIONS_DRAWING, drawnCells, drawnPage, KINDS } from '../../../support/drawn-pdf';

/**
 * The border reader's input, fuzzed: pdf.js operator lists (what a PDF draws) and the rules read
 * from them. No input may throw, loop or give a rule or cell outside what was drawn; a drawn table
 * read from its rules in another order, doubled, or a little off gives the same cells.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const OPS: PdfOps = { save: 10, restore: 11, transform: 12, constructPath: 91, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27 };
const A4 = [1, 0, 0, -1, 0, 842];
const MAX_RULES_PER_PAGE = PDF_SETTINGS.rules.maxPerPage;

/** A coordinate as PDFs hold them, and as broken ones do. */
const coordinate = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, 0) },
);
/** Path data: drawing codes (0 move, 1 line, 2 curve, 3 quad, 4 close, others unknown) among coordinates. */
const pathData = fc.array(fc.oneof(fc.constantFrom(0, 1, 1, 2, 3, 4, 9), coordinate), { maxLength: 60 });
const paint = fc.constantFrom(OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke, 0, 99);
/** One operator and its arguments, well formed or not. */
const operation = fc.oneof(
  fc.tuple(fc.constant(OPS.save), fc.constant(null)),
  fc.tuple(fc.constant(OPS.restore), fc.constant(null)),
  fc.tuple(fc.constant(OPS.transform), fc.oneof(fc.array(coordinate, { minLength: 6, maxLength: 6 }), fc.array(coordinate, { maxLength: 5 }), fc.constant(null))),
  fc.tuple(fc.constant(OPS.constructPath), fc.oneof(
    { weight: 6, arbitrary: fc.tuple(paint, pathData).map(([p, data]) => [p, [new Float32Array(data)], null]) },
    { weight: 2, arbitrary: fc.tuple(paint, pathData).map(([p, data]) => [p, [data], null]) },
    { weight: 1, arbitrary: fc.constantFrom(null, [], [OPS.stroke], [OPS.stroke, 'x'], [OPS.stroke, [null]], [OPS.fill, [{ length: 3 }]]) },
  )),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.anything()),
);

const finite = (segment: Segment) => [segment.at, segment.from, segment.to].every(Number.isFinite);

/** Rules as pageRulings gives them: finite, from ≤ to, at least 2 points long. */
const segment = fc.record({
  page: fc.integer({ min: 1, max: 3 }), horizontal: fc.boolean(), at: fc.double({ min: -50, max: 900, noNaN: true }),
  from: fc.double({ min: -50, max: 900, noNaN: true }), length: fc.double({ min: 2, max: 600, noNaN: true }),
}).map(({ length, ...rule }): Segment => ({ ...rule, to: rule.from + length }));
const chunk = fc.record({
  text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('0', '12', '总计', '（一）予以公开', '1.属于国家秘密', '一、本年新收')),
  page: fc.integer({ min: 1, max: 3 }), x0: fc.double({ min: -50, max: 700, noNaN: true }), width: fc.double({ min: 0, max: 200, noNaN: true }),
  top: fc.double({ min: -50, max: 900, noNaN: true }), size: fc.double({ min: 0.5, max: 30, noNaN: true }),
}).map(({ width, size, ...c }): Chunk => ({ ...c, x1: c.x0 + width, bottom: c.top + size, size }));

const TABLE = drawnPage(`${APPLICATIONS_DRAWING}
|（一）予以公开     |   2    |   1     |  3   |
+----------+--------+--------+---------+------+`);
const EXPECTED = drawnCells(TABLE);

describe('the border reader under fuzzing', () => {
  it('reads any operator list without throwing: every rule finite, axis-aligned, at least 2 points long, at most the per-page cap', () => {
    fc.assert(fc.property(fc.array(operation, { maxLength: 80 }), (ops) => {
      const rules = pageRulings(ops.map(([fn]) => fn), ops.map(([, args]) => args), OPS, 1, A4, PDF_SETTINGS);
      expect(rules.length).toBeLessThanOrEqual(MAX_RULES_PER_PAGE);
      for (const rule of rules) {
        expect(finite(rule)).toBe(true);
        expect(rule.to - rule.from).toBeGreaterThanOrEqual(2);
      }
    }), { numRuns: RUNS * 5 });
  });

  it('stops at the per-page cap on a page of vector art: many paths, or one path of many lines', () => {
    const line = [OPS.constructPath, [OPS.stroke, [new Float32Array([0, 10, 10, 1, 100, 10])], null]] as const;
    const count = MAX_RULES_PER_PAGE + 5000;
    expect(pageRulings(Array(count).fill(line[0]), Array(count).fill(line[1]), OPS, 1, A4, PDF_SETTINGS)).toHaveLength(MAX_RULES_PER_PAGE);
    // A zigzag of 30,000 horizontal and vertical lines in one stroked path.
    const zigzag = [0, 0, 0];
    for (let k = 1; k <= 30_000; k += 1) zigzag.push(1, Math.ceil(k / 2) * 10, Math.floor(k / 2) * 10);
    expect(pageRulings([OPS.constructPath], [[OPS.stroke, [new Float32Array(zigzag)], null]], OPS, 1, A4, PDF_SETTINGS)).toHaveLength(MAX_RULES_PER_PAGE);
  });

  it('draws no rule from a transform that throws a path off every page (found by this fuzzer)', () => {
    // Scaled by 1e308, a line from y = 0 to 4 becomes one from -Infinity: it read as a rule before.
    expect(pageRulings([OPS.transform, OPS.constructPath], [[0, 1e308, 0, 0, 0, 0], [OPS.stroke, [new Float32Array([0, 0, 0, 1, 0, 4])], null]], OPS, 1, A4, PDF_SETTINGS)).toEqual([]);
    // Finite but 1e308 away, whose midpoint overflowed to -Infinity.
    expect(pageRulings([OPS.transform, OPS.constructPath], [[0, 1e308, 0, 0, -1e308, 0], [OPS.stroke, [[0, 0, 0, 1, 2e-308, 0]], null]], OPS, 1, A4, PDF_SETTINGS)).toEqual([]);
    // A path's lines on the page are kept when another of its lines runs off it.
    expect(pageRulings([OPS.constructPath], [[OPS.stroke, [[0, 10, 10, 1, 100, 10, 1, 100, 1e308]], null]], OPS, 1, A4, PDF_SETTINGS))
      .toEqual([{ page: 1, horizontal: true, at: 832, from: 10, to: 100 }]);
  });

  it('groups any rules and reads any text against them without throwing; every cell lies inside its grid, no two on one slot', () => {
    fc.assert(fc.property(fc.array(segment, { maxLength: 120 }), fc.array(chunk, { maxLength: 60 }), (segments, chunks) => {
      const groups = ruleGroups(segments);
      for (const group of groups) expect(group.x0).toBeLessThanOrEqual(group.x1);
      const table = ruledTable(groups, chunks, KINDS);
      if (!table) return;
      const { rows, columns } = table;
      const owned = new Set<number>();
      for (const cell of table.cells) {
        expect(cell.row).toBeGreaterThanOrEqual(0);
        expect(cell.col).toBeGreaterThanOrEqual(0);
        expect(cell.rowSpan).toBeGreaterThanOrEqual(1);
        expect(cell.colSpan).toBeGreaterThanOrEqual(1);
        expect(cell.row + cell.rowSpan).toBeLessThanOrEqual(rows);
        expect(cell.col + cell.colSpan).toBeLessThanOrEqual(columns);
        // No slot of the grid belongs to two cells.
        for (let r = cell.row; r < cell.row + cell.rowSpan; r += 1) {
          for (let c = cell.col; c < cell.col + cell.colSpan; c += 1) {
            expect(owned.has(r * columns + c)).toBe(false);
            owned.add(r * columns + c);
          }
        }
      }
    }), { numRuns: RUNS * 5 });
  });

  it('reads a drawn table the same whatever the order of its rules, with rules drawn twice, and with each a little off', () => {
    expect(EXPECTED).toContain('3,1 3');
    const n = TABLE.rules.length;
    fc.assert(fc.property(
      fc.array(fc.nat(), { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: -0.4, max: 0.4, noNaN: true }), { minLength: n * 2, maxLength: n * 2 }),
      (keys, doubled, shifts) => {
        const moved = TABLE.rules.map((rule, i) => ({ ...rule, at: rule.at + shifts[2 * i]!, from: rule.from + shifts[2 * i + 1]!, to: rule.to + shifts[2 * i + 1]! }));
        const rules = [...moved, ...moved.filter((_, i) => doubled[i])]
          .map((rule, i) => ({ rule, key: keys[i % n]! * 1000 + i }))
          .sort((a, b) => a.key - b.key)
          .map(({ rule }) => rule);
        expect(drawnCells({ rules, chunks: TABLE.chunks })).toEqual(EXPECTED);
      },
    ), { numRuns: RUNS * 2 });
  });
});
