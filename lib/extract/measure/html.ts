/**
 * An HTML page's table cells counted on its text before it is parsed (lib/extract/budgets.ts): a
 * parsed cell costs hundreds of bytes in a DOM, and 40 MB of bare `<td>`s took 4 GB and 77 s to
 * parse and read. Tags are counted as they are written (`<td`, `<th`, `<table`, `</table`), so
 * markup inside comments or scripts counts too: a page near the budget is not a report anyway.
 */
import { BUDGETS, OverBudget, type Budgets } from '../budgets';

type HtmlBudgets = Pick<Budgets, 'htmlCellsPerPage' | 'htmlCellsPerTable'>;

/** The first budget the page's cells are over, or null. */
export function htmlOverBudget(html: string, budgets: HtmlBudgets = BUDGETS): OverBudget | null {
  const tables: number[] = [];
  let cells = 0;
  for (const match of html.matchAll(/<(\/?)(t[dh]|table)(?=[\s/>])/gi)) {
    if (match[2]!.length === 5) {
      if (match[1]) tables.pop();
      else tables.push(0);
      continue;
    }
    if (match[1]) continue;
    cells += 1;
    if (cells > budgets.htmlCellsPerPage) return new OverBudget('htmlCellsPerPage', cells);
    if (tables.length && (tables[tables.length - 1] = tables[tables.length - 1]! + 1) > budgets.htmlCellsPerTable) {
      return new OverBudget('htmlCellsPerTable', tables[tables.length - 1]!);
    }
  }
  return null;
}
