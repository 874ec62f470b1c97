/**
 * The anchors of a report's places (lib/model/anchor.ts): a finding's own, its related cells', its
 * suspect's and, for a finding with no cell, where it sends the reader. Decided once, from the
 * report the reader's tokens became: a PDF's cells and row labels keep their token's box, a page's
 * keep their element's index.
 */
import { anchorKey, type Anchor } from '../model/anchor';
import type { CellRef, Finding } from '../model/finding';
import type { Box, Report, TableKey } from '../model/report';

/** Whether the report was read from boxes (a PDF): then only a box places anything. */
function boxed(report: Report): boolean {
  for (const rows of Object.values(report.tables)) for (const cells of Object.values(rows ?? {})) for (const cell of Object.values(cells)) if (cell.box) return true;
  return false;
}

/** The boxes of a PDF report's cells and row labels by source line, the finding's table first. */
function boxOfSource(report: Report, src: number, near: Pick<Finding, 'table' | 'row' | 'column'>): Box | undefined {
  const { table, row, column } = near;
  if (table && row) {
    const cell = column ? report.tables[table]?.[row]?.[column] : undefined;
    if (cell?.src === src && cell.box) return cell.box;
    const label = report.rowLabels[table]?.[row];
    if (label?.src === src && label.box) return label.box;
  }
  const tables = (Object.keys(report.tables) as TableKey[]).sort((a, b) => Number(b === table) - Number(a === table));
  for (const key of tables) {
    for (const [rowKey, cells] of Object.entries(report.tables[key] ?? {})) {
      const label = report.rowLabels[key]?.[rowKey];
      if (label?.src === src && label.box) return label.box;
      for (const cell of Object.values(cells)) if (cell.src === src && cell.box) return cell.box;
    }
  }
  return report.unknownRows.find((unknown) => unknown.src === src && unknown.box)?.box;
}

/** An anchor for a source of the report: its element, or on a PDF the box of the cell or label read from it. */
function sourceAnchor(report: Report, isBoxed: boolean, src: number | null | undefined, near: Pick<Finding, 'table' | 'row' | 'column'>): Anchor | undefined {
  if (typeof src !== 'number') return undefined;
  if (!isBoxed) return { kind: 'element', src };
  const box = boxOfSource(report, src, near);
  return box ? { kind: 'box', box } : undefined;
}

/** Every finding with the anchor of what it marks (its `src`, as its rule named it), where that can be shown. */
export function anchored<F extends Finding>(report: Report, findings: readonly F[]): F[] {
  const isBoxed = boxed(report);
  return findings.map((finding) => {
    const anchor = sourceAnchor(report, isBoxed, finding.src, finding);
    return anchor ? { ...finding, anchor } : finding;
  });
}

/** A cell's anchor: its box on a PDF (a cell the page lacks: its row label's), else its element. */
export function cellAnchor(report: Report, ref: Pick<CellRef, 'table' | 'row' | 'column'>): Anchor | undefined {
  const cell = report.tables[ref.table]?.[ref.row]?.[ref.column];
  if (!cell) return undefined;
  if (cell.box) return { kind: 'box', box: cell.box };
  return sourceAnchor(report, boxed(report), cell.src, { table: ref.table, row: ref.row, column: ref.column });
}

/** The cells a finding's relationship involves (last year's report's cells are not on this page). */
export function relatedAnchors(report: Report, finding: Pick<Finding, 'cells'>): Anchor[] {
  const anchors = new Map<string, Anchor>();
  for (const cell of finding.cells) {
    const anchor = cell.source ? undefined : cellAnchor(report, cell);
    if (anchor) anchors.set(anchorKey(anchor), anchor);
  }
  return [...anchors.values()];
}

/** The cell most likely to be the mistake behind a finding, if one is named and shown. */
export function suspectAnchor(report: Report, finding: Pick<Finding, 'suspect'> | undefined): Anchor | undefined {
  return finding?.suspect ? cellAnchor(report, finding.suspect) : undefined;
}

/**
 * Where a finding sends the reader: its own anchor, else its table, else the title, else the first
 * section heading (a page's elements only: a PDF's prose has no box).
 */
export function placeAnchor(report: Report, finding: Pick<Finding, 'table' | 'anchor'>): Anchor | undefined {
  if (finding.anchor) return finding.anchor;
  if (boxed(report)) return undefined;
  const table = finding.table ? report.tableSrc[finding.table] : null;
  if (typeof table === 'number') return { kind: 'element', src: table };
  const title = report.title ? report.texts.find((block) => block.text.includes(report.title!) && block.src !== null)?.src : null;
  if (typeof title === 'number') return { kind: 'element', src: title };
  const first = report.texts.find((block) => block.src !== null)?.src;
  return typeof first === 'number' ? { kind: 'element', src: first } : undefined;
}
