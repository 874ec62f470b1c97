// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import detector from '../../entrypoints/detector.content';

/** The declared content script: it only looks, and asks the background for the auditor when it sees report tables. */
const REPORT_TABLE = '<table><tr><td>项目</td><td>本年新收政府信息公开申请数量</td></tr><tr><td>（一）予以公开</td><td>3</td></tr></table>';

/** Replace an element's children with parsed markup (our own fixture text, never page text). */
function fill(element: Element, html: string): void {
  element.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

let invalidate: () => void = () => undefined;

function start(): { requests: unknown[] } {
  const requests: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message) => {
    requests.push(message);
  });
  const onInvalid: (() => void)[] = [];
  const ctx = { onInvalidated: (fn: () => void) => onInvalid.push(fn) };
  void detector.main(ctx as never);
  invalidate = () => onInvalid.forEach((fn) => fn());
  return { requests };
}

describe('detector (declared on *.gov.cn)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    fill(document.body, '');
    delete (globalThis as Record<string, unknown>).__nianbaoAudit;
  });
  afterEach(() => {
    invalidate(); // as when the extension reloads: each test's detector stops watching the shared document
    vi.useRealTimers();
  });

  it('is the only script declared, on *.gov.cn, in every frame', () => {
    expect(detector.matches).toEqual(['*://*.gov.cn/*']);
    expect(detector.allFrames).toBe(true);
  });

  it('asks for the auditor once on a page with report tables', async () => {
    fill(document.body, REPORT_TABLE);
    const { requests } = start();
    await vi.runAllTimersAsync();
    expect(requests).toEqual([{ type: 'start-auditor' }]);
  });

  it('asks for nothing on a page without report tables', async () => {
    fill(document.body, '<table><tr><td>通知公告</td></tr></table><p>予以公开</p>');
    const { requests } = start();
    await vi.runAllTimersAsync();
    expect(requests).toEqual([]);
  });

  it('asks once report tables arrive late, after the changes settle', async () => {
    fill(document.body, '<div id="app">加载中</div>');
    const { requests } = start();
    fill(document.getElementById('app')!, REPORT_TABLE);
    await vi.advanceTimersByTimeAsync(100);
    expect(requests).toEqual([]); // still settling
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toEqual([{ type: 'start-auditor' }]);
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(1); // stopped watching once asked
  });

  it('stops looking after a bounded number of looks on a page that never stops changing', async () => {
    fill(document.body, '<p>0</p>');
    const { requests } = start();
    for (let i = 0; i < 100; i += 1) {
      document.body.firstElementChild!.textContent = String(i);
      await vi.advanceTimersByTimeAsync(600);
    }
    fill(document.body, REPORT_TABLE); // too late: the detector gave up (the popup still injects the auditor on a click)
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toEqual([]);
  });

  it('stops watching when the extension is reloaded or updated (context invalidated)', async () => {
    fill(document.body, '<div id="app">加载中</div>');
    const { requests } = start();
    invalidate();
    fill(document.getElementById('app')!, REPORT_TABLE);
    await vi.advanceTimersByTimeAsync(5000);
    expect(requests).toEqual([]);
  });

  it('leaves a frame alone where the auditor already runs', async () => {
    fill(document.body, REPORT_TABLE);
    (globalThis as Record<string, unknown>).__nianbaoAudit = { summary: () => null };
    const { requests } = start();
    await vi.runAllTimersAsync();
    expect(requests).toEqual([]);
  });
});
