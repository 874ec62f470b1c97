/**
 * An input's first audit as the pool makes it (lib/cli/pool.ts `firstAuditOf`), in a worker or in
 * the main thread. The audit catches its rules' failures itself, so no document is known to make it
 * throw: the fault is injected here, as a bug elsewhere in our code would raise it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { firstAudit } from '../../../lib/batch/audit-batch';
import { firstAuditOf, inFlight, queueDepth } from '../../../lib/cli/pool';
import { nodeReaderEnv } from '../../../lib/cli/reader-env';
import { prepareBytes } from '../../../lib/input/prepare';
import { sharedPath } from '../../support/shared';

vi.mock('../../../lib/batch/audit-batch', async (original) => {
  const real = await original<typeof import('../../../lib/batch/audit-batch')>();
  return {
    ...real,
    firstAudit: (item: Parameters<typeof real.firstAudit>[0], options: Parameters<typeof real.firstAudit>[1]) => {
      if (item.source.includes('fault')) throw new Error('injected fault\nat somewhere');
      return real.firstAudit(item, options);
    },
  };
});

async function prepared(source: string) {
  const path = sharedPath('fixtures', 'real', 'pages', 'pingtan-2024.html');
  return prepareBytes({ source, linkText: null, listedAt: null }, { bytes: new Uint8Array(readFileSync(path)), name: path, contentType: null }, { readers: await nodeReaderEnv(), lang: 'zh' });
}

describe('an input’s first audit in the pool (firstAuditOf)', () => {
  it('is the one call’s answer, the input unchanged', async () => {
    const item = await prepared('pingtan-2024.html');
    const made = firstAuditOf(item, { lang: 'zh', format: 'auto' });
    expect(made.prepared).toBe(item);
    expect(made.first?.result).toEqual(firstAudit(item, { lang: 'zh', format: 'auto' })?.result);
  });

  it('an audit that throws makes the input a row saying so, in the run’s language; nothing is thrown on', async () => {
    const item = await prepared('fault.html');
    const zh = firstAuditOf(item, { lang: 'zh', format: 'auto' });
    expect(zh.first).toBeNull();
    expect(zh.prepared).toMatchObject({ source: 'fault.html', extracted: null, status: 'unreadable', reason: '内部错误: injected fault' });
    expect(firstAuditOf(item, { lang: 'en', format: 'auto' }).prepared.reason).toBe('internal error: injected fault');
  });
});

describe('inputs held for the workers', () => {
  it('a single worker holds two behind the one it reads, any more workers one; the command line keeps that many and one more in hand', () => {
    expect([1, 2, 3, 8].map(queueDepth)).toEqual([2, 1, 1, 1]);
    expect([1, 2, 3, 8].map(inFlight)).toEqual([4, 5, 7, 17]);
  });
});
