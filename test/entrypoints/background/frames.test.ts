import { describe, expect, it } from 'vitest';
import { AUDITOR_SCRIPT, listFrames, type ExecuteScript, type Injection } from '../../../entrypoints/background/frames';

/**
 * A tab as the scripting API sees it, drawn as its frames:
 *
 *   frame 0  report page (www.xx.gov.cn)      the auditor runs, 3 errors
 *   frame 3  share widget (same site)          no auditor
 *   frame 5  video player (127.0.0.1)          not ours to script: Chromium leaves it out
 *   frame 7  sandboxed about:blank             Firefox lists it with an error
 *
 * Injecting the auditor into a frame that runs it starts a second copy (`copies` counts them); the
 * real second copy's start shut the first down, marks and all (issue 18).
 */
interface FakeFrame {
  frameId: number;
  copies: number;
  errors?: number;
  refuses?: 'left-out' | 'error';
}

function tab(frames: FakeFrame[]): { execute: ExecuteScript; calls: Injection[] } {
  const calls: Injection[] = [];
  const summary = (frame: FakeFrame) => ({ report: frame.errors !== undefined, errors: frame.errors ?? 0, warnings: 0, marksVisible: true, runs: 1, busyMs: 1 });
  const execute: ExecuteScript = async (injection) => {
    calls.push(injection);
    const { allFrames, frameIds } = injection.target;
    const targets = frames.filter((frame) => allFrames || frameIds?.includes(frame.frameId));
    if (injection.files) {
      // Chromium and Firefox reject an injection aimed at a frame the extension may not script.
      if (targets.some((frame) => frame.refuses)) throw new Error('Cannot access contents of the page');
      for (const frame of targets) frame.copies += 1;
      return targets.map((frame) => ({ frameId: frame.frameId, result: undefined }));
    }
    return targets.flatMap((frame): { frameId: number; result?: unknown; error?: unknown }[] => {
      if (frame.refuses === 'left-out') return [];
      if (frame.refuses === 'error') return [{ frameId: frame.frameId, error: new Error('Missing host permission') }];
      return [{ frameId: frame.frameId, result: frame.copies > 0 ? summary(frame) : null }];
    });
  };
  return { execute, calls };
}

const countyPage = (): FakeFrame[] => [
  { frameId: 0, copies: 1, errors: 3 },
  { frameId: 3, copies: 0 },
  { frameId: 5, copies: 0, refuses: 'left-out' },
  { frameId: 7, copies: 0, refuses: 'error' },
];

describe('listFrames (the popup and side panel asking for the tab\'s frames)', () => {
  it('leaves a running auditor alone and starts one only where it is missing, frame by frame', async () => {
    const frames = countyPage();
    const { execute, calls } = tab(frames);
    const response = await listFrames(execute, 1, true);
    expect(frames.map((frame) => [frame.frameId, frame.copies])).toEqual([[0, 1], [3, 1], [5, 0], [7, 0]]);
    expect(calls.filter((call) => call.files)).toEqual([{ target: { tabId: 1, frameIds: [3] }, files: [AUDITOR_SCRIPT] }]);
    expect(response.reachable).toBe(true);
    expect(response.frames.map((frame) => [frame.frameId, frame.summary.errors])).toEqual([[0, 3], [3, 0]]);
  });

  it('opened again and again, never starts a second copy anywhere', async () => {
    const frames = countyPage();
    const { execute } = tab(frames);
    for (let i = 0; i < 4; i += 1) await listFrames(execute, 1, true);
    expect(frames.map((frame) => frame.copies)).toEqual([1, 1, 0, 0]);
  });

  it('skips a frame that refuses the injection, and still answers for the others', async () => {
    const frames = countyPage();
    // Listed without an auditor, but refusing the script (it navigated to another host meanwhile).
    const { execute } = tab([...frames, { frameId: 9, copies: 0 }]);
    const original = execute;
    const refusing: ExecuteScript = (injection) => (injection.files && injection.target.frameIds?.includes(9) ? Promise.reject(new Error('Frame with ID 9 was removed')) : original(injection));
    const response = await listFrames(refusing, 1, true);
    expect(response.reachable).toBe(true);
    expect(response.frames.map((frame) => frame.frameId)).toEqual([0, 3]);
  });

  it('injects nothing when only asked to look', async () => {
    const { execute, calls } = tab(countyPage());
    const response = await listFrames(execute, 1, false);
    expect(calls.some((call) => call.files)).toBe(false);
    expect(response.frames.map((frame) => frame.frameId)).toEqual([0]);
  });

  it('says the tab is unreachable when its page cannot be scripted at all', async () => {
    const response = await listFrames(() => Promise.reject(new Error('Cannot access a chrome:// URL')), 1, true);
    expect(response).toEqual({ reachable: false, frames: [] });
  });
});
