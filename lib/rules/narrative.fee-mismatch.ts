import type { Report } from '../model/report';
import { joinRunOnLines, partOf } from '../template/sections';
import { defineRule, finding } from './define';
import { cellAt, ref } from './helpers';

/** 信息处理费, or fees in general words (收费, 收取…费用). */
const FEES = /信息处理费|收费|缴费|收取[^。；;]{0,8}费/;
/**
 * Fees reported: an amount above 0 collected, or the notices themselves — not notices denied
 * (“未发出收费通知”, “无收费通知”), which is saying none arose.
 */
const REPORTED = /(?:收取|收缴|收费|处理费)[^。；;]{0,30}?(?<![\d.])(?:[1-9]\d*(?:\.\d+)?|0\.\d*[1-9]\d*)\s*(?:元|万元)|(?<![未无没][^，,。；;]{0,4})(?:收费|缴费|缴纳)通知/;
/** The template's own words in part 六, left in: “（文字描述，收取信息处理费情况在此处报告。）”. */
const TEMPLATE_WORDS = /[(（]文字描述[^)）]*[)）]/g;

/** What part 六 says of fees: nothing, that none arose (未收取, 无, 0 元), or that fees or notices did. */
function feesSaid(text: string): 'fee.silent' | 'fee.none' | 'reported' {
  const plain = text.normalize('NFKC').replace(TEMPLATE_WORDS, '').replace(/\s+/g, '');
  if (!FEES.test(plain)) return 'fee.silent';
  return REPORTED.test(plain) ? 'reported' : 'fee.none';
}

function partSix(report: Report): { text: string; src: number | null } | null {
  const part = partOf(report.texts, 6);
  if (!part) return null;
  const text = [part.inline, ...joinRunOnLines(part.body).map((block) => block.text)].join('');
  return { text, src: part.heading.src };
}

/**
 * 国办公开办函〔2021〕30号: 收取信息处理费的情况在第六部分专门报告. Table 三 row （六）2 counts applications
 * dropped for fees not paid, so fee notices were sent: part 六 silent on fees, or saying none arose,
 * leaves the reader guessing (平潭 2025: 2 such applications, “无收取信息处理费情况”). Part 六 silent
 * on fees with no such application is worth knowing only.
 */
export default defineRule({
  id: 'narrative.fee-mismatch',
  severity: 'warning',
  formats: ['2021'],
  check(report) {
    if (!report.isReport) return [];
    const six = partSix(report);
    if (!six) return [];
    const said = feesSaid(six.text);
    if (said === 'reported') return [];
    const notices = cellAt(report, 'applications', '3.6.2', 'total')?.value ?? 0;
    if (notices > 0) {
      return [finding('narrative.fee-mismatch', 'warning', {
        table: 'applications', row: '3.6.2', column: 'total', cells: [ref('applications', '3.6.2', 'total')], actual: notices,
        text: six.text.slice(0, 200), src: six.src, data: { state: said, notices },
      })];
    }
    return said === 'fee.silent' ? [finding('narrative.fee-mismatch', 'info', { text: six.text.slice(0, 200), src: six.src, data: { state: said } })] : [];
  },
});
