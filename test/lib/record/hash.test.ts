import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Sync, sha256Text } from '../../../lib/record/hash';

describe('SHA-256 of what was read', () => {
  it('gives the standard digest, with Web Crypto and without (a content script on an http page)', async () => {
    expect(sha256Sync(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Sync(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const size of [55, 56, 63, 64, 65, 1000, 200_003]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 7919) % 251);
      const expected = createHash('sha256').update(bytes).digest('hex');
      expect(sha256Sync(bytes), String(size)).toBe(expected);
      expect(await sha256Hex(bytes), String(size)).toBe(expected);
    }
    expect(await sha256Text('年报')).toBe(createHash('sha256').update('年报', 'utf8').digest('hex'));
  });
});
