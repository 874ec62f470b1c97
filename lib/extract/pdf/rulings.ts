import { BUDGETS } from '../budgets';
import type { LayoutSettings } from '../layout/settings';
import type { Segment } from '../layout/types';
import type { ViewportTransform } from './items';

/** The pdf.js operator codes this reader follows (pdfjs-dist `OPS`). */
export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js path drawing codes inside a `constructPath` argument (pdfjs-dist `DrawOPS`). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;


type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  return [
    m[0] * n[0]! + m[2] * n[1]!,
    m[1] * n[0]! + m[3] * n[1]!,
    m[0] * n[2]! + m[2] * n[3]!,
    m[1] * n[2]! + m[3] * n[3]!,
    m[0] * n[4]! + m[2] * n[5]! + m[4],
    m[1] * n[4]! + m[3] * n[5]! + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * The horizontal and vertical rules a page draws (table borders), in top-left-origin points: stroked
 * straight lines, and thin filled rectangles. From the page's operator list, following the current
 * transform through save/restore, as pdf.js's canvas renderer would.
 */
export function pageRulings(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: PdfOps, page: number, viewport: ViewportTransform, settings: LayoutSettings): Segment[] {
  const limits = settings.rules;
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  const segments: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm = [...viewport] as Matrix;
  // Operators past the page's budget are not read (lib/extract/budgets.ts): the reading loop says so.
  const count = Math.min(fnArray.length, BUDGETS.pdfOperatorsPerPage);
  for (let i = 0; i < count && segments.length < limits.maxPerPage; i += 1) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!(data instanceof Float32Array) && !Array.isArray(data)) continue;
      const paths = subpaths(data as ArrayLike<number>, ctm);
      if (strokes.has(paint)) for (const path of paths) strokedRules(path, page, segments, limits);
      else if (fills.has(paint)) for (const path of paths) filledRule(path, page, segments, limits);
      // One path can draw any number of rules: the cap holds within it too.
      if (segments.length > limits.maxPerPage) segments.length = limits.maxPerPage;
    }
  }
  return segments;
}

interface Subpath {
  points: [number, number][];
  closed: boolean;
  /** Holds a curve: no rule. */
  curved: boolean;
}

function subpaths(data: ArrayLike<number>, ctm: Matrix): Subpath[] {
  const paths: Subpath[] = [];
  let current: Subpath | null = null;
  for (let i = 0; i < data.length;) {
    const op = data[i]!;
    if (op === MOVE_TO || op === LINE_TO) {
      const point = apply(ctm, data[i + 1]!, data[i + 2]!);
      if (op === MOVE_TO || !current) paths.push(current = { points: [point], closed: false, curved: false });
      else current.points.push(point);
      i += 3;
    } else if (op === CURVE_TO || op === QUAD_TO) {
      const n = op === CURVE_TO ? 6 : 4;
      if (current) {
        current.curved = true;
        current.points.push(apply(ctm, data[i + n - 1]!, data[i + n]!));
      }
      i += n + 1;
    } else if (op === CLOSE) {
      if (current) current.closed = true;
      i += 1;
    } else break; // an unknown code: the rest of the data cannot be parsed
  }
  return paths;
}

/** Each straight, axis-aligned piece of a stroked path. */
type Limits = LayoutSettings['rules'];

function strokedRules(path: Subpath, page: number, out: Segment[], limits: Limits): void {
  if (path.curved) return;
  const points = path.closed ? [...path.points, path.points[0]!] : path.points;
  for (let k = 1; k < points.length && out.length < limits.maxPerPage; k += 1) {
    const rule = ruleBetween(points[k - 1]!, points[k]!, page, limits);
    if (rule && onSomePage(rule, limits)) out.push(rule);
  }
}

function ruleBetween([x0, y0]: [number, number], [x1, y1]: [number, number], page: number, { straight, shortest }: Limits): Segment | null {
  if (Math.abs(y1 - y0) < straight && Math.abs(x1 - x0) >= shortest) return { page, horizontal: true, at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) };
  if (Math.abs(x1 - x0) < straight && Math.abs(y1 - y0) >= shortest) return { page, horizontal: false, at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) };
  return null;
}

/**
 * A filled axis-aligned rectangle thin in one direction: a rule along the other. Its ends may be
 * mitred: Chromium draws an HTML `border="1"` table's inset and outset cell borders as four-cornered
 * shapes whose corners are cut at 45° by the border's width (上海市政府办公厅 2019's tables), so a
 * corner may lie that far inside the box's end.
 */
function filledRule(path: Subpath, page: number, out: Segment[], limits: Limits): void {
  const { straight, thin, shortest } = limits;
  if (path.curved || path.points.length < 4 || path.points.length > 5) return;
  const xs = path.points.map((p) => p[0]);
  const ys = path.points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = x1 - x0;
  const h = y1 - y0;
  const horizontal = h <= thin && w >= shortest && w > h;
  if (!horizontal && !(w <= thin && h >= shortest && h > w)) return;
  // Every corner sits on a side of the box, and at an end of the rule or a mitre's width (the rule's thickness) inside it.
  const mitre = Math.min(w, h) + straight;
  const near = (v: number, from: number, to: number, within: number) => Math.abs(v - from) < within || Math.abs(v - to) < within;
  const onBox = ([x, y]: [number, number]) => (horizontal
    ? near(y, y0, y1, straight) && near(x, x0, x1, mitre)
    : near(x, x0, x1, straight) && near(y, y0, y1, mitre));
  if (!path.points.every(onBox)) return;
  const rule = horizontal ? { page, horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 } : { page, horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 };
  if (onSomePage(rule, limits)) out.push(rule);
}

/**
 * Coordinates a page can have (points; PDF pages are at most 14,400 units a side): a broken transform
 * can put a path at 1e308, whose midpoint overflows to infinity, and such a rule borders no cell.
 */
const onSomePage = (rule: Segment, limits: Limits) => [rule.at, rule.from, rule.to].every((v) => Math.abs(v) <= limits.farthest);
