import { browser } from 'wxt/browser';
import {
  contentStateSchema, framesResponseSchema, type ContentRequest, type ContentState, type FramesResponse,
} from '../lib/model/messages';

export async function activeTabId(): Promise<number | null> {
  // Opened as a page (end-to-end tests, or a pinned tab), the popup is told which tab to audit.
  const given = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The tab's frames that run the auditor; `inject` runs it first where it is missing (the user's click grants activeTab). */
export async function listFrames(tabId: number, inject: boolean): Promise<FramesResponse> {
  const response: unknown = await browser.runtime.sendMessage({ type: 'frames', tabId, inject });
  return framesResponseSchema.parse(response);
}

/** The frame holding the report (the one with the most findings when several do), or null. */
export function reportFrame(response: FramesResponse): number | null {
  const reports = response.frames.filter((frame) => frame.summary.report);
  reports.sort((a, b) => b.summary.errors + b.summary.warnings - (a.summary.errors + a.summary.warnings));
  return reports[0]?.frameId ?? null;
}

export async function ask(tabId: number, frameId: number, request: ContentRequest): Promise<ContentState> {
  const response: unknown = await browser.tabs.sendMessage(tabId, request, { frameId });
  return contentStateSchema.parse(response);
}
