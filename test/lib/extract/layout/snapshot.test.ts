/**
 * The document table reader's regression net: the tokens (text, grid position, box), prose blocks
 * and title of every PDF and space-aligned text fixture, written out one per line and compared with
 * the committed copy in `__snapshots__/`. Made before the reader was split into lib/extract/layout/
 * (issue 19) and kept equal through every step of the move; a change made on purpose is named in a
 * test of its own (see `deliberate changes` below) and the snapshot rewritten with `vitest -u`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeReaderEnv } from '../../../../lib/cli/reader-env';
import { readDocument } from '../../../../lib/extract/document';
import { extractFromTextAny } from '../../../../lib/extract/layout-text';
import type { Extracted, Token } from '../../../../lib/extract/types';
import { sharedPath } from '../../../support/shared';

const env = await nodeReaderEnv();
const FIXTURES = 'test/fixtures/documents';

/** Every fixture the positioned reader reads: PDFs (not the encrypted one, which has no text) and layout text dumps. */
export const SNAPSHOT_FILES = [
  ...readdirSync(sharedPath('fixtures', 'real')).filter((f) => f.endsWith('.pdf')).map((f) => sharedPath('fixtures', 'real', f)),
  ...readdirSync(FIXTURES).filter((f) => (f.endsWith('.pdf') && !f.startsWith('encrypted')) || f.endsWith('.layout.txt')).map((f) => `${FIXTURES}/${f}`),
  ...readdirSync(`${FIXTURES}/real`).filter((f) => f.endsWith('.pdf')).map((f) => `${FIXTURES}/real/${f}`),
].sort((a, b) => basename(a).localeCompare(basename(b)));

const read = new Map<string, Promise<Extracted>>();

/** A fixture read once per run: the snapshot and the named changes below look at the same reading. */
export function readFixture(path: string): Promise<Extracted> {
  if (!read.has(path)) read.set(path, readUncached(path));
  return read.get(path)!;
}

async function readUncached(path: string): Promise<Extracted> {
  if (path.endsWith('.txt')) return extractFromTextAny(readFileSync(path, 'utf8'));
  const read = await readDocument(new Uint8Array(readFileSync(path)), { name: basename(path) }, env);
  if (!read.extracted) throw new Error(`${path}: ${read.error}`);
  return read.extracted;
}

/** `r<row> t<table> c<col>[+colSpan][v rowSpan] [p<page> x,y wxh] text`, a cell a line. */
export function tokenLine(token: Token): string {
  const pos = token.pos ? ` t${token.pos.table} c${token.pos.col}${token.pos.colSpan > 1 ? `+${token.pos.colSpan}` : ''}${token.pos.rowSpan > 1 ? `v${token.pos.rowSpan}` : ''}` : '';
  const box = token.box ? ` [p${token.box.page} ${token.box.x},${token.box.y} ${token.box.w}x${token.box.h}]` : '';
  return `r${token.row ?? '-'}${pos}${box} ${JSON.stringify(token.text)}`;
}

export function snapshotText(extracted: Extracted): string {
  return [
    `title ${JSON.stringify(extracted.title)}`,
    `dates ${extracted.dates.map((d) => `${d.date}/${d.source}`).join(' ') || '-'}`,
    ...extracted.anomalies.map((anomaly) => `anomaly ${anomaly}`),
    ...(extracted.cuts ?? []).map((cut) => `cut t${cut.table} ${cut.edge}`),
    '# tokens',
    ...extracted.tokens.map(tokenLine),
    '# blocks',
    ...extracted.blocks.map((block) => `${block.src ?? '-'} ${JSON.stringify(block.text)}`),
    '',
  ].join('\n');
}

describe('the document reader snapshot: every PDF and layout text fixture reads as committed', () => {
  it('finds the fixtures', () => {
    expect(SNAPSHOT_FILES.length).toBeGreaterThanOrEqual(38);
  });

  for (const path of SNAPSHOT_FILES) {
    it(basename(path), async () => {
      await expect(snapshotText(await readFixture(path))).toMatchFileSnapshot(`__snapshots__/${basename(path)}.txt`);
    });
  }
});

/**
 * The snapshot changes made on purpose since it was first written, each named here so that the
 * rewritten snapshot files are not the only witness.
 */
describe('deliberate changes to the snapshot', () => {
  it('characters (issue 19, item 5): every text is NFKC with radicals as ideographs — no full-width form, no radical in any token, block or title', async () => {
    for (const path of SNAPSHOT_FILES) {
      const read = await readFixture(path);
      const texts = [...read.tokens.map((token) => token.text), ...read.blocks.map((block) => block.text), read.title ?? ''];
      expect(texts.filter((text) => /[\u2e80-\u2fdf\uff01-\uff5e]/.test(text)), path).toEqual([]);
    }
    // A Chromium print of a real page read “上海市人⺠政府” (U+2EA0) before.
    expect((await readFixture(`${FIXTURES}/real/shanghai-gov-office-2019.chromium.pdf`)).title).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
  });

  it('titles (issue 19, item 5): the largest or centred lines near the top, wrapped ones joined, without a field label or a 来源 line glued on', async () => {
    const titles = Object.fromEntries(await Promise.all(['hongze-2023-word.chromium.pdf', 'huaian-2024-cms.writer.pdf', 'real/shuyang-drc-suqian-2023.chromium.pdf', 'real/pingtan-2025.chromium.pdf']
      .map(async (name) => [name, (await readFixture(`${FIXTURES}/${name}`)).title])));
    expect(titles).toEqual({
      // Was “发布日期：2024-01-31 来源：测试市示例局洪泽区人民政府…”.
      'hongze-2023-word.chromium.pdf': '洪泽区人民政府2023年政府信息公开工作年度报告',
      // Was “…年度报告_测试市人民政府” (the PDF's metadata title, the page's <title>).
      'huaian-2024-cms.writer.pdf': '淮安市人民政府2024年政府信息公开工作年度报告',
      // Was “标题：…年度报告-沭阳县发改局” (a crawler's line above the page).
      'real/shuyang-drc-suqian-2023.chromium.pdf': '沭阳县发展和改革局2023年政府信息公开年度报告',
      // The page holds no title (its article block only): was a wrapped line of prose.
      'real/pingtan-2025.chromium.pdf': null,
    });
  });

  it('cut tables (issue 19, item 4): only the Writer prints of fixed-width tables are cut, at the right; every page shown whole is not', async () => {
    const cut: string[] = [];
    for (const path of SNAPSHOT_FILES) {
      for (const c of (await readFixture(path)).cuts ?? []) cut.push(`${basename(path)} t${c.table} ${c.edge}`);
    }
    // The Writer print's applications table too: its 总计 text runs a point past the edge, still read whole (no column unshown, no finding).
    expect(cut).toEqual([
      'blanks-error-2021-word.writer.pdf t2 right',
      'blanks-error-2021-word.writer.pdf t3 right',
      'hongze-2023-word.writer.pdf t3 right',
      // Chromium's portrait print clips the nowrap applications table at the content box: read since its mitred borders are.
      'shanghai-gov-office-2019.chromium.pdf t1 right',
      'shanghai-gov-office-2019.writer.pdf t1 right',
      // Its applications table over pages 7-11 is one table (t4) since its page 10 is read: the appeals table is t5.
      'shuyang-drc-suqian-2023.writer.pdf t4 right',
      'shuyang-drc-suqian-2023.writer.pdf t5 right',
    ]);
  });

  it('mitred borders (issue 19, item 3): Chromium\'s inset/outset cell sides are rules, so the 上海 2019 landscape print reads its applications table over three pages as one, （七）总计 in its own columns', async () => {
    const read = await readFixture(`${FIXTURES}/real/shanghai-gov-office-2019.landscape.chromium.pdf`);
    const rowOf = (text: string) => read.tokens.find((token) => token.text === text)!;
    const total = rowOf('(七)总计');
    const head = rowOf('申请人情况');
    // One table from the header on page 6 to 结转 on page 8 (it was three, the last a column to the left).
    expect(total.pos!.table).toBe(head.pos!.table);
    expect(read.tokens.filter((token) => token.row === total.row && token.text !== '').map((token) => `${token.pos!.col} ${token.text}`))
      .toEqual(['1 (七)总计', '3 767', '4 35', '7 2', '8 1', '9 805']);
    expect(read.tokens.filter((token) => token.pos?.table === head.pos!.table && token.row === head.row! + 2).map((token) => token.text))
      .toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  it('a clipped last column (issue 19, item 4): the 上海 2019 portrait print\'s 其他, clipped by the page inside it, is a column of its own, not glued to 法律服务机构 (“21”)', async () => {
    const read = await readFixture(`${FIXTURES}/real/shanghai-gov-office-2019.chromium.pdf`);
    const first = read.tokens.find((token) => token.text === '一、本年新收政府信息公开申请数量')!;
    expect(read.tokens.filter((token) => token.row === first.row && token.text !== '').map((token) => `${token.pos!.col} ${token.text}`))
      .toEqual(['0 一、本年新收政府信息公开申请数量', '3 821', '4 35', '7 2', '8 1']);
  });

  it('a page holding one tall row\'s pieces (issue 19, item 3): 沭阳县发改局 2023 in Writer draws its applications table over pages 7-11, page 10 with no table word and four numbers; its rules are read, so the table is one and （七）总计 reads 26 under 自然人 and 总计', async () => {
    const read = await readFixture(`${FIXTURES}/real/shuyang-drc-suqian-2023.writer.pdf`);
    const total = read.tokens.find((token) => token.text === '(七)总计')!;
    const head = read.tokens.find((token) => token.text === '申请人情况')!;
    expect(total.pos!.table).toBe(head.pos!.table);
    expect(read.tokens.filter((token) => token.row === total.row && token.text !== '').map((token) => `${token.pos!.col} ${token.text}`))
      .toEqual(['1 (七)总计', '3 26', '9 26']);
  });
});
