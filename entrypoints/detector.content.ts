import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { looksLikeReport } from '../lib/extract/looks-like-report';
import type { BackgroundRequest } from '../lib/model/messages';

const AUDITOR_GLOBAL = '__nianbaoAudit';
const SETTLE_MS = 500;
const MAX_WAIT_MS = 3000;
const MAX_LOOKS = 30;

/**
 * Runs on every *.gov.cn page, so it is kept small: it only looks for report tables (again when late
 * content settles, a bounded number of times) and, once it sees them, asks the background to inject
 * the auditor into this frame. It reads nothing from the page beyond that look and sends no page data.
 */
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const scope = globalThis as unknown as Record<string, unknown>;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstChange = 0;
    let looks = 0;

    const stop = (): void => {
      observer.disconnect();
      clearTimeout(timer);
    };
    /** True once there is nothing left to watch for: the auditor runs here, or it was asked for, or looks ran out. */
    const look = (): boolean => {
      looks += 1;
      if (scope[AUDITOR_GLOBAL]) return true; // the user's click injected the auditor already
      if (looksLikeReport(document)) {
        const request: BackgroundRequest = { type: 'start-auditor' };
        void browser.runtime.sendMessage(request).catch(() => undefined);
        return true;
      }
      return looks >= MAX_LOOKS;
    };
    // Late content (reports loaded by script): look again once changes settle, or after MAX_WAIT_MS of constant change.
    const onChange = (): void => {
      const now = Date.now();
      if (timer === undefined) firstChange = now;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (look()) stop();
      }, now - firstChange >= MAX_WAIT_MS ? 0 : SETTLE_MS);
    };

    if (look() || typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(onChange);
    ctx.onInvalidated(stop);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  },
});
