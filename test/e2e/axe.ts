/**
 * axe-core, the engine behind most accessibility checkers, as both browsers' accessibility suites
 * (a11y.chromium.ts, a11y.firefox.ts) run it: its source evaluated in the page, then `violationsIn`
 * evaluated there. Each suite passes its own driver's page (playwright's, puppeteer's).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** axe-core's source, evaluated in a page as the debugger would (the extension pages' script policy does not apply). */
export const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs in the page, once AXE is there: axe's violations in the document, or inside the element `selector` names (with its open shadow tree). */
export async function violationsIn(selector: string | null): Promise<Violation[]> {
  const engine = (window as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
  const context = selector ? document.querySelector(selector) : document;
  if (!context) throw new Error(`nothing at ${selector}`);
  const { violations } = await engine.run(context, { resultTypes: ['violations'] });
  return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => JSON.stringify(n.target)) }));
}

/** What a failed check says: the view, and each violation with where it is. */
export const violationsText = (view: string, found: readonly Violation[]): string =>
  `${view}: ${found.length} axe violation(s)\n${found.map((v) => `    ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`).join('\n')}`;
