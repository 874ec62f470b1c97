import * as z from 'zod/mini';
import { boxSchema } from './report';

/**
 * Where a finding (or a cell it involves) is shown, carried from the reader through the audit to
 * the view, so a view places a mark from the finding itself and never lines two lists up by index:
 * - `element`: the reader's element list (`Audit.elements`: a web page's cells, or the cells of a
 *   Word or HTML document the viewer shows from the very nodes it read), by index;
 * - `box`: a box on a PDF page (the reader's token box, PDF points, origin top left). A PDF reader
 *   names a token's source by its text line, shared by a whole table row, so only the box tells
 *   two cells of one row apart (洪泽区 2023's two wrong 总计 cells sit on one line).
 */
export const anchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('element'), src: z.int().check(z.nonnegative()) }),
  z.object({ kind: z.literal('box'), box: boxSchema }),
]);
export type Anchor = z.infer<typeof anchorSchema>;

/** One string per place: marks on the same place are one mark. */
export function anchorKey(anchor: Anchor): string {
  if (anchor.kind === 'element') return `e${anchor.src}`;
  const { page, x, y, w, h } = anchor.box;
  return `b${page}:${x},${y},${w},${h}`;
}
