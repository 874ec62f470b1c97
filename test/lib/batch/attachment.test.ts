import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attachmentReader } from '../../../lib/batch/attachment';
import { nodeReaderEnv } from '../../../lib/cli/reader-env';
import { auditExtracted } from '../../../lib/audit';
import { sharedPath } from '../../support/shared';

const file = (url: string, path: string) => ({ url, status: 200, contentType: 'application/octet-stream', bytes: new Uint8Array(readFileSync(path)) });

describe('attachmentReader', () => {
  it('reads a real PDF attachment through the document readers, loading the readers once', async () => {
    let loads = 0;
    const read = attachmentReader(() => {
      loads += 1;
      return nodeReaderEnv();
    }, 'zh');
    const hongze = await read(file('http://x.gov.cn/fj/2023.pdf', sharedPath('fixtures/real/hongze-district-huaian-2023.pdf')));
    expect(hongze.problem).toBeNull();
    const errors = auditExtracted(hongze.extracted!, { source: 'x', lang: 'zh' }).result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toEqual(['appeals.total', 'appeals.total']);
    const encrypted = await read(file('http://x.gov.cn/fj/e.pdf', new URL('../../fixtures/documents/encrypted.writer.pdf', import.meta.url).pathname));
    expect(encrypted).toEqual({ extracted: null, problem: 'PDF 已加密，无法读取' });
    expect(loads).toBe(1);
  });

  it('says why in the run\'s language: an old .doc where no .doc reader is given', async () => {
    const env = await nodeReaderEnv();
    const read = attachmentReader(async () => ({ ...env, readDoc: undefined }), 'en');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const result = await read({ url: 'http://x.gov.cn/fj/a.doc', status: 200, contentType: null, bytes: ole });
    expect(result.extracted).toBeNull();
    expect(result.problem).toMatch(/\.doc/i);
  });
});
