import { describe, expect, it } from 'vitest';
import { declaredCharset, decode, decodePage } from '../../../lib/extract/decode';

describe('decode', () => {
  it.each([
    ['UTF-8 BOM', [0xef, 0xbb, 0xbf], 'utf-8'],
    ['UTF-16LE BOM', [0xff, 0xfe], 'utf-16le'],
    ['UTF-16BE BOM', [0xfe, 0xff], 'utf-16be'],
  ])('takes the charset from a %s, over any header', (_, bom, charset) => {
    expect(declaredCharset(new Uint8Array([...bom, 0x3c, 0]), 'text/html; charset=gbk')).toBe(charset);
  });

  it('decodes UTF-16 text with its BOM into the text without it', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>年报</p>', 'utf16le')]);
    expect(decode(le)).toBe('<p>年报</p>');
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<p>年报</p>', 'utf16le').swap16()]);
    expect(decode(be)).toBe('<p>年报</p>');
  });

  it('reads a <meta charset=utf-16> in bytes as UTF-8, as browsers do', () => {
    expect(declaredCharset(Buffer.from('<meta charset="utf-16"><p>x</p>'), null)).toBe('utf-8');
  });
});

describe('decodePage', () => {
  it('decodes by the declared charset, GB2312 as GB18030, an unknown one by trying', () => {
    const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]); // 年报 in GBK
    expect(decodePage(gbk, 'text/html; charset=GB2312')).toEqual({ text: '年报', charset: 'gb18030' });
    expect(decodePage(gbk, 'text/html; charset=x-unknown').text).toBe('年报');
  });
});
