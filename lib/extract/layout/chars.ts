/**
 * The characters a reader hands on: NFKC (full-width forms, compatibility ideographs, Kangxi
 * radicals ⼈ → 人), and the CJK Radicals Supplement, which NFKC leaves alone, mapped to the
 * ideographs they stand for (⺠ → 民, ⻚ → 页). PDF writers (Chromium's Skia among them) map common
 * characters of a report's fonts to these radicals: a real print read “人⺠政府” for 人民政府.
 */

/**
 * CJK Radicals Supplement characters and their ideographs, from Unicode's
 * EquivalentUnifiedIdeograph.txt (15.0.0, the unicode-data package), less the ones NFKC maps.
 */
const RADICALS = '⺁⺂⺃⺄⺅⺆⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺠⺡⺢⺣⺤⺥⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺵⺶⺷⺸⺹⺺⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲';
const IDEOGRAPHS = '厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑𫜹忄心扌攵旡日月歺民氵氺灬爫爫丬牛犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀';
const EQUIVALENT = new Map(Array.from(RADICALS).map((radical, i) => [radical, Array.from(IDEOGRAPHS)[i]!]));

/** Text that NFKC and the radical map leave as it is: ASCII and the CJK Unified Ideographs. Most runs. */
const PLAIN = /^[\u0020-\u007e\u4e00-\u9fff]*$/;

/** Radicals (Kangxi and the supplement) as ideographs, and nothing else: glyph widths stay as they were. */
export function foldRadicals(text: string): string {
  return /[\u2e80-\u2fdf]/.test(text) ? text.replace(/[\u2e80-\u2fdf]/g, (char) => EQUIVALENT.get(char) ?? char.normalize('NFKC')) : text;
}

/** A text as the readers hand it on: NFKC, radicals as ideographs. */
export function foldText(text: string): string {
  if (PLAIN.test(text)) return text;
  return text.normalize('NFKC').replace(/[\u2e80-\u2eff]/g, (char) => EQUIVALENT.get(char) ?? char);
}
