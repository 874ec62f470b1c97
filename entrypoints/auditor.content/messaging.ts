/**
 * The auditor's side of the messages from the popup, the side panel and the memo: every message
 * parsed with zod (lib/model/messages.ts) and dropped, counted, when it fails; a valid one handed
 * to the job that answers it; every answer the frame's state.
 */
import { contentRequestSchema, type CellView, type ContentRequest, type ContentState } from '../../lib/model/messages';
import type { Lang } from '../../lib/i18n/lang';
import type { AuditorState } from './state';

/** What the auditor does for each request (reading, marking, records): the messaging knows no more of it. */
export interface RequestHandlers {
  state(): ContentState;
  recordState(): Promise<ContentState>;
  locate(index: number, part?: 'header'): Promise<CellView | null>;
  captureDone(): void;
  setLang(lang: Lang): void;
  /** The popup's 审核此页: audit whatever the page holds, report-like or not. */
  runAudit(): void;
  select(index: number, avoid?: 'popup'): void;
  setBlanks(visible: boolean): void;
  setMarks(visible: boolean): void;
  toggleMarks(): void;
}

/** A message as the auditor accepts it, or null (page content and other extensions can post anything). */
export function parseRequest(message: unknown): ContentRequest | null {
  const parsed = contentRequestSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}

async function handle(request: ContentRequest, on: RequestHandlers): Promise<ContentState> {
  switch (request.type) {
    case 'get-record':
      return on.recordState();
    case 'locate-cell': {
      const cellView = await on.locate(request.index, request.part);
      return { ...on.state(), cellView };
    }
    case 'capture-done':
      on.captureDone();
      break;
    case 'get-state':
      if (request.lang) on.setLang(request.lang);
      break;
    case 'run-audit':
      on.runAudit();
      break;
    case 'select-finding':
      on.select(request.index, request.avoid);
      break;
    case 'set-blanks':
      on.setBlanks(request.visible);
      break;
    case 'set-marks':
      on.setMarks(request.visible);
      break;
    case 'toggle-marks':
      on.toggleMarks();
      break;
  }
  return on.state();
}

/**
 * The runtime.onMessage listener's answer: undefined (no answer) for a malformed message, counted in
 * `state.dropped`; the frame's state otherwise, also when the job failed.
 */
export function answer(message: unknown, state: AuditorState, on: RequestHandlers): Promise<ContentState> | undefined {
  const request = parseRequest(message);
  if (!request) {
    state.dropped += 1;
    return undefined;
  }
  return handle(request, on).catch(() => on.state());
}
