import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundRequestSchema, contentRequestSchema, type FrameSummary } from '../../lib/model/messages';
import { mayRequestFrames } from '../../lib/model/sender';
import { AUDITOR_SCRIPT, listFrames, type ExecuteScript } from './frames';
import { migrateReviews } from '../../lib/review/migrate';

const BADGE = { error: '#d93025', warning: '#e37400' };

/** Summaries per tab and frame; the badge shows the worst of them. */
const tabs = new Map<number, Map<number, FrameSummary>>();
let dropped = 0;

function actionApi() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

async function updateBadge(tabId: number): Promise<void> {
  const frames = [...(tabs.get(tabId)?.values() ?? [])].filter((summary) => summary.report);
  const errors = frames.reduce((sum, f) => sum + f.errors, 0);
  const warnings = frames.reduce((sum, f) => sum + f.warnings, 0);
  const action = actionApi();
  const text = errors > 0 ? String(errors) : warnings > 0 ? String(warnings) : '';
  await action.setBadgeText({ tabId, text });
  if (text) await action.setBadgeBackgroundColor({ tabId, color: errors > 0 ? BADGE.error : BADGE.warning });
}

// The injection is the API's own shape, narrowed (WXT types `files` as the build's file names).
const execute: ExecuteScript = (injection) => browser.scripting.executeScript(injection as Parameters<typeof browser.scripting.executeScript>[0]);
const frames = (tabId: number, inject: boolean) => listFrames(execute, tabId, inject);

/**
 * The detector in one frame saw report tables: inject the auditor into that frame only. Host access
 * (*.gov.cn, where the detector is declared) allows it; a failure (the frame navigated away) is silent.
 */
async function startAuditor(tabId: number, frameId: number): Promise<void> {
  await execute({ target: { tabId, frameIds: [frameId] }, files: [AUDITOR_SCRIPT] }).catch(() => undefined);
}

/** Alt+Shift+A: audit the page (injecting on the user's keystroke), or toggle the marks where it ran. */
async function onShortcut(tabId: number): Promise<void> {
  const before = await frames(tabId, false);
  if (before.frames.length === 0) {
    await frames(tabId, true);
    return;
  }
  const toggle = contentRequestSchema.parse({ type: 'toggle-marks' });
  await Promise.all(before.frames.map((frame) => browser.tabs.sendMessage(tabId, toggle, { frameId: frame.frameId }).catch(() => undefined)));
}

/** Review books kept under the old key (address + tables hash) move under the address (lib/review/migrate.ts). */
async function migrateStoredReviews(): Promise<void> {
  const { set, remove } = migrateReviews(await browser.storage.local.get(null));
  if (remove.length === 0) return;
  await browser.storage.local.set(set);
  await browser.storage.local.remove(remove);
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void migrateStoredReviews().catch(() => undefined));

  browser.runtime.onMessage.addListener((message, sender) => {
    const parsed = backgroundRequestSchema.safeParse(message);
    if (!parsed.success) {
      dropped += 1;
      console.warn(`年报核查: dropped ${dropped} malformed message(s)`);
      return undefined;
    }
    const request = parsed.data;
    if (request.type === 'frames') {
      if (mayRequestFrames(sender, request.tabId, browser.runtime.id, browser.runtime.getURL('/'))) return frames(request.tabId, request.inject);
      dropped += 1;
      console.warn(`年报核查: refused a frames request for tab ${request.tabId} from ${sender.url ?? 'an unknown sender'}`);
      return undefined;
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.id !== browser.runtime.id) return undefined;
    const frameId = sender.frameId ?? 0;
    if (request.type === 'start-auditor') return startAuditor(tabId, frameId).then(() => ({ ok: true }));
    if (request.initial && frameId === 0) tabs.delete(tabId);
    const perTab = tabs.get(tabId) ?? new Map<number, FrameSummary>();
    perTab.set(frameId, request.summary);
    tabs.set(tabId, perTab);
    return updateBadge(tabId).then(() => ({ ok: true }));
  });

  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'run-audit' && tab?.id !== undefined) void onShortcut(tab.id);
  });
});
