/**
 * Evidence clips (issue 21): each wrong cell with its column header and row label, as the tab shows
 * them, cut from screenshots of the tab (`tabs.captureVisibleTab`, allowed by the activeTab grant
 * the auditor's click on the toolbar button gives) and put together by lib/record/clip.ts. The
 * auditor's marks are hidden while the screenshots are taken.
 */
import { browser } from 'wxt/browser';
import type { CellView } from '../../lib/model/messages';
import type { Clip } from '../../lib/model/record';
import type { AuditResult } from '../../lib/model/result';
import { isExcluded } from '../../lib/present/counts';
import { cellPiece, clipLayout, fullyInView, headerPiece, rowPiece, type Rect } from '../../lib/record/clip';
import { findingKey } from '../../lib/review/key';
import type { ReviewBook } from '../../lib/review/state';
import { ask } from '../../components/connection';

/** Chrome allows two captures a second. */
const CAPTURE_GAP_MS = 600;

interface Shot {
  bitmap: ImageBitmap;
  /** CSS pixels → image pixels. */
  scale: number;
  at: string;
}

export class CaptureDenied extends Error {}

export async function captureClips(
  tabId: number, frameId: number, result: AuditResult, reviews: ReviewBook, progress: (done: number, total: number) => void,
): Promise<Clip[]> {
  const tab = await browser.tabs.get(tabId);
  // The popup opened as a page (a pinned tab, the tests) stands in front of the report: show the report.
  if (!tab.active) await browser.tabs.update(tabId, { active: true });
  const seen = new Set<string>();
  const targets = result.findings.flatMap((finding, index) => {
    const key = findingKey(finding);
    if (finding.severity !== 'error' || !finding.table || !finding.row || !finding.column || isExcluded(finding, reviews) || seen.has(key)) return [];
    seen.add(key);
    return [{ index, key }];
  });
  const clips: Clip[] = [];
  let last: Shot | null = null;
  let lastAt = 0;
  const shoot = async (view: CellView): Promise<Shot> => {
    const at = `${view.view.scrollX},${view.view.scrollY},${view.view.w},${view.view.h}`;
    if (last?.at === at) return last;
    const wait = lastAt + CAPTURE_GAP_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    let url: string;
    try {
      url = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    } catch (error) {
      throw new CaptureDenied(String((error as Error).message ?? error));
    }
    lastAt = Date.now();
    const bitmap = await createImageBitmap(dataUrlBlob(url));
    last = { bitmap, scale: bitmap.width / view.view.w, at };
    return last;
  };
  /** The headers above the cell in a view: a flat table's row header (行政复议), then the column's (总计). */
  const headersIn = (view: CellView): Rect[] => {
    const rowAbove = view.row && !rowPiece(view.row, view.cell) ? headerPiece(view.row, view.cell) : null;
    const column = view.column ? headerPiece(view.column, view.cell) : null;
    return [rowAbove, column].filter((piece): piece is Rect => piece !== null);
  };
  try {
    for (const [n, target] of targets.entries()) {
      progress(n, targets.length);
      const view = (await ask(tabId, frameId, { type: 'locate-cell', index: target.index })).cellView;
      if (!view) continue;
      const row = view.row ? rowPiece(view.row, view.cell) : null;
      const cell = cellPiece(view.cell, row);
      if (!fullyInView(cell, view.view)) continue;
      const shot = await shoot(view);
      const beside = row && fullyInView(row, view.view) ? row : null;
      let above = headersIn(view).map((piece) => ({ piece, shot }));
      if (above.length === 0 || !above.every(({ piece }) => fullyInView(piece, view.view))) {
        // The header is off screen (a long table): brought into view and captured on its own.
        const again = (await ask(tabId, frameId, { type: 'locate-cell', index: target.index, part: 'header' })).cellView;
        const pieces = again ? headersIn(again).filter((piece) => fullyInView(piece, again.view)) : [];
        above = again && pieces.length ? await Promise.all(pieces.map(async (piece) => ({ piece, shot: await shoot(again) }))) : [];
      }
      clips.push(compose(target.key, cell, beside, shot, above));
    }
  } finally {
    await ask(tabId, frameId, { type: 'capture-done' }).catch(() => null);
  }
  progress(targets.length, targets.length);
  return clips;
}

function compose(key: string, cell: Rect, row: Rect | null, shot: Shot, above: { piece: Rect; shot: Shot }[]): Clip {
  const layout = clipLayout(cell, row, above.map(({ piece }) => piece));
  const scale = shot.scale;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(layout.width * scale);
  canvas.height = Math.ceil(layout.height * scale);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const draw = (from: Rect, to: Rect, source: Shot) => context.drawImage(source.bitmap,
    from.x * source.scale, from.y * source.scale, from.w * source.scale, from.h * source.scale, to.x * scale, to.y * scale, to.w * scale, to.h * scale);
  draw(layout.cell.from, layout.cell.to, shot);
  if (layout.row) draw(layout.row.from, layout.row.to, shot);
  layout.above.forEach((piece, i) => draw(piece.from, piece.to, above[i]!.shot));
  return { key, image: canvas.toDataURL('image/png'), width: Math.max(1, Math.round(layout.width)), height: Math.max(1, Math.round(layout.height)), capturedAt: new Date().toISOString() };
}

/**
 * The PNG of captureVisibleTab's data: URL as a Blob, decoded here rather than fetched: no shipped code
 * calls fetch but as the one fetcher's transport (test/security.test.ts), a data: URL included.
 */
function dataUrlBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: url.slice(5, comma).split(';')[0] || 'image/png' });
}
