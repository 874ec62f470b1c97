/** The county column (test/support/column-site.ts) prepared as the batch receives it: each page read as the command line reads it, with its link text and date. */
import type { Prepared } from '../../lib/input/prepare';
import { parseDocument } from '../../lib/cli/dom';
import { extractFromDocument } from '../../lib/extract/html';
import { COLUMN_YEAR, COUNTY, pathOf, unitPage, type UnitSpec } from './column-site';

export function preparedColumn(units: readonly UnitSpec[] = COUNTY, year = COLUMN_YEAR): Prepared[] {
  return units.map((spec, i) => ({
    source: `https://www.test.gov.cn${pathOf(i)}`, linkText: `${spec.agency}${year}年政府信息公开工作年度报告`, listedAt: spec.published,
    extracted: extractFromDocument(parseDocument(unitPage(spec, i, year))).extracted,
  }));
}
