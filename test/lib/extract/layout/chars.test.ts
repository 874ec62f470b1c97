import { describe, expect, it } from 'vitest';
import { foldRadicals, foldText } from '../../../../lib/extract/layout/chars';

describe('characters the readers hand on', () => {
  it('maps the CJK Radicals Supplement (which NFKC leaves alone) and the Kangxi radicals to their ideographs', () => {
    // “人⺠” (U+2EA0) came out of a real Chromium print of 上海市人民政府办公厅's report.
    expect('⺠'.normalize('NFKC')).toBe('⺠');
    expect(foldText('上海市人⺠政府')).toBe('上海市人民政府');
    expect(foldText('⼈⺠')).toBe('人民');
    expect(foldText('第3⻚')).toBe('第3页');
    expect(foldText('⻓⻔⻛⻋⻅')).toBe('长门风车见');
  });

  it('folds compatibility forms by NFKC: full-width brackets, digits and colons, compatibility ideographs', () => {
    expect(foldText('（一）予以公开')).toBe('(一)予以公开');
    expect(foldText('发布日期：２０２４')).toBe('发布日期:2024');
    expect(foldText('\uf907')).toBe('\u9f9c');
  });

  it('leaves plain text as it is, and the radical fold alone changes nothing else (glyph widths stay the document\'s)', () => {
    expect(foldText('淮安市2024年')).toBe('淮安市2024年');
    expect(foldRadicals('（一）⺠')).toBe('（一）民');
  });
});
