import { describe, expect, it } from 'vitest';
import { answer, parseRequest, type RequestHandlers } from '../../../entrypoints/auditor.content/messaging';
import { AuditorState } from '../../../entrypoints/auditor.content/state';
import type { ContentState } from '../../../lib/model/messages';

/** Handlers that write down what they were asked, answering with a fixed state. */
function recorder() {
  const calls: string[] = [];
  const state: ContentState = { summary: { report: false, errors: 0, warnings: 0, marksVisible: true, runs: 0, busyMs: 0 }, result: null, dropped: 0 };
  const on: RequestHandlers = {
    state: () => state,
    recordState: async () => ({ ...state, selected: 7 }),
    locate: async (index, part) => (calls.push(`locate ${index} ${part ?? ''}`), { cell: { x: 1, y: 2, w: 3, h: 4 }, row: null, column: null, view: { w: 1, h: 1, scrollX: 0, scrollY: 0 } }),
    captureDone: () => calls.push('capture-done'),
    setLang: (lang) => calls.push(`lang ${lang}`),
    runAudit: () => calls.push('run'),
    select: (index, avoid) => calls.push(`select ${index} ${avoid ?? ''}`),
    setBlanks: (visible) => calls.push(`blanks ${visible}`),
    setMarks: (visible) => calls.push(`marks ${visible}`),
    toggleMarks: () => calls.push('toggle'),
  };
  return { calls, on, state };
}

describe('the auditor’s messages', () => {
  it('drops and counts every message that fails its schema, acting on none', async () => {
    const { calls, on } = recorder();
    const state = new AuditorState();
    const bad = [null, 'select-finding', { type: 'select-finding', index: -1 }, { type: 'select-finding', index: 1.5 }, { type: 'set-marks', visible: 'yes' },
      { type: 'get-state', lang: 'fr' }, { type: 'locate-cell', index: 0, part: 'row' }, { type: 'eval', code: 'alert(1)' }, { index: 0 }];
    for (const message of bad) expect(answer(message, state, on)).toBeUndefined();
    expect(state.dropped).toBe(bad.length);
    expect(calls).toEqual([]);
    expect(parseRequest({ type: 'select-finding', index: 2, avoid: 'popup' })).toEqual({ type: 'select-finding', index: 2, avoid: 'popup' });
  });

  it('hands each valid request to its job and answers with the frame’s state', async () => {
    const { calls, on, state } = recorder();
    const auditor = new AuditorState();
    const requests = [
      { type: 'get-state', lang: 'en' }, { type: 'get-state' }, { type: 'run-audit' }, { type: 'select-finding', index: 3, avoid: 'popup' },
      { type: 'set-blanks', visible: true }, { type: 'set-marks', visible: false }, { type: 'toggle-marks' }, { type: 'capture-done' },
    ];
    for (const request of requests) expect(await answer(request, auditor, on)).toBe(state);
    expect(calls).toEqual(['lang en', 'run', 'select 3 popup', 'blanks true', 'marks false', 'toggle', 'capture-done']);
    expect(await answer({ type: 'get-record' }, auditor, on)).toMatchObject({ selected: 7 });
    expect(await answer({ type: 'locate-cell', index: 2, part: 'header' }, auditor, on)).toMatchObject({ cellView: { cell: { x: 1 } } });
    expect(calls.at(-1)).toBe('locate 2 header');
    expect(auditor.dropped).toBe(0);
  });

  it('still answers with the state when a job fails', async () => {
    const { on, state } = recorder();
    const failing = { ...on, recordState: () => Promise.reject(new Error('storage gone')) };
    expect(await answer({ type: 'get-record' }, new AuditorState(), failing)).toBe(state);
  });
});
