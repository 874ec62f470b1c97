// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startAuditor } from '../../entrypoints/auditor.content/controller';
import { renderHtml } from '../support/render';
import { wrongAppeals } from '../e2e/pages';

/**
 * The auditor injected into a frame that already runs it (the detector and the popup both asked, or
 * an older background injected into every frame): WXT's new content-script context shuts the running
 * copy down as it starts. The running auditor must carry on, its audit, selection and marks kept.
 */
type Running = { summary(): { runs: number; errors: number; report: boolean } };
const running = () => (globalThis as unknown as { __nianbaoAudit?: Running }).__nianbaoAudit;
const host = () => document.querySelector('nianbao-audit-marks');
const marks = (selector: string) => host()?.shadowRoot?.querySelectorAll(selector).length ?? 0;
/** A message from the popup (fake-browser delivers it to the frame's runtime.onMessage listeners). */
const tell = (message: object) => fakeBrowser.runtime.sendMessage(message).catch(() => undefined);
const contexts: ContentScriptContext[] = [];

function context(): ContentScriptContext {
  const ctx = new ContentScriptContext('auditor');
  contexts.push(ctx);
  return ctx;
}

describe('the auditor, injected twice into one frame', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    delete (globalThis as Record<string, unknown>).__nianbaoAudit;
    const page = new DOMParser().parseFromString(renderHtml(wrongAppeals(), 'cms'), 'text/html');
    document.head.replaceChildren(...page.head.childNodes);
    document.body.replaceChildren(...page.body.childNodes);
    // happy-dom lays nothing out: give every cell a box, so that marks are drawn.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ top: 10, left: 20, width: 40, height: 20, right: 60, bottom: 30, x: 20, y: 10, toJSON: () => '' });
    Element.prototype.scrollIntoView ??= () => undefined;
  });
  afterEach(() => {
    for (const ctx of contexts.splice(0)) ctx.abort();
    vi.restoreAllMocks();
  });

  it('keeps running with its audit, selection and marks, and still answers the popup', async () => {
    const first = context();
    startAuditor(first);
    await vi.waitFor(() => expect(running()?.summary().runs).toBe(1));
    expect(running()!.summary()).toMatchObject({ report: true, errors: 3 });
    await vi.waitFor(() => expect(marks('.mark:not(.related)')).toBe(3));
    await tell({ type: 'select-finding', index: 0 });
    expect(marks('.mark.selected')).toBe(1);

    startAuditor(context());
    expect(first.isValid).toBe(false); // WXT did shut the first copy's context down
    expect(running()!.summary().runs).toBe(1); // not audited again: the same auditor
    expect(marks('.mark:not(.related)')).toBe(3);
    expect(marks('.mark.selected')).toBe(1);
    await tell({ type: 'set-marks', visible: false });
    expect(host()).toBeNull();
    await tell({ type: 'set-marks', visible: true });
    expect(marks('.mark:not(.related)')).toBe(3);
  });

  it('injected again before its first audit, audits once and draws its marks', async () => {
    startAuditor(context());
    startAuditor(context()); // while the first still waits for its settings from storage
    await vi.waitFor(() => expect(running()?.summary().runs).toBe(1));
    await vi.waitFor(() => expect(marks('.mark:not(.related)')).toBe(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(running()!.summary().runs).toBe(1);
  });
});
