import { frameSummarySchema, type FrameSummary, type FramesResponse } from '../../lib/model/messages';

/** The auditor (entrypoints/auditor.content/): not declared, injected where a report is (see the detector). */
export const AUDITOR_SCRIPT = '/content-scripts/auditor.js';
/** How long to wait for a just-started auditor's first run (it reads its settings from storage first). */
const FIRST_RUN_WAIT_MS = 3000;

/** A script or function for some frames of a tab: the part of browser.scripting.executeScript's argument used here. */
export interface Injection {
  target: { tabId: number; allFrames?: boolean; frameIds?: number[] };
  func?: () => unknown;
  files?: string[];
}

/** browser.scripting.executeScript, passed in so that tests can stand in a tab with its frames. */
export type ExecuteScript = (injection: Injection) => Promise<{ frameId?: number; result?: unknown; error?: unknown }[]>;

export interface FrameProbe {
  frameId: number;
  /** The frame's auditor's summary; null where no auditor runs. */
  summary: FrameSummary | null;
}

/**
 * Ask each frame's auditor for its summary; null where none runs. Frames the extension may not script
 * (another host without permission, a sandboxed about:blank) are not listed by the browser, or come
 * back with an error (Firefox): they are left out. Rejects only when the tab itself cannot be scripted.
 */
export async function probe(execute: ExecuteScript, tabId: number): Promise<FrameProbe[]> {
  const results = await execute({
    target: { tabId, allFrames: true },
    func: () => {
      const auditor = (globalThis as unknown as Record<string, { summary(): unknown } | undefined>).__nianbaoAudit;
      return auditor ? auditor.summary() : null;
    },
  });
  return results.filter((entry) => !entry.error).map((entry) => {
    const parsed = frameSummarySchema.safeParse(entry.result);
    return { frameId: entry.frameId ?? 0, summary: parsed.success ? parsed.data : null };
  });
}

/**
 * Probe again until every auditor found has audited once: one injected (or declared) a moment ago
 * exists before its first run, and would otherwise read as "not a report".
 */
async function probeAfterFirstRun(execute: ExecuteScript, tabId: number, found: FrameProbe[]): Promise<FrameProbe[]> {
  const end = Date.now() + FIRST_RUN_WAIT_MS;
  while (found.some((frame) => frame.summary?.runs === 0) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    found = await probe(execute, tabId);
  }
  return found;
}

/**
 * The tab's frames that run the auditor. With `inject` (the user opened the popup or side panel, or
 * pressed the shortcut), first start it in each frame that lacks it, one frame at a time and only
 * there: injecting into a frame that already runs it starts a second copy, and a second copy's start
 * shut the first down (marks gone, popup and side panel left with “无法在此页运行”) on a real county
 * report page whose share widget frame lacked the auditor. A frame that refuses the script is skipped.
 */
export async function listFrames(execute: ExecuteScript, tabId: number, inject: boolean): Promise<FramesResponse> {
  try {
    let found = await probe(execute, tabId);
    const missing = found.filter((frame) => frame.summary === null).map((frame) => frame.frameId);
    if (inject && missing.length > 0) {
      await Promise.all(missing.map((frameId) => execute({ target: { tabId, frameIds: [frameId] }, files: [AUDITOR_SCRIPT] }).catch(() => undefined)));
      found = await probe(execute, tabId);
    }
    found = await probeAfterFirstRun(execute, tabId, found);
    return {
      reachable: true,
      frames: found.filter((f): f is { frameId: number; summary: FrameSummary } => f.summary !== null),
    };
  } catch {
    return { reachable: false, frames: [] };
  }
}
