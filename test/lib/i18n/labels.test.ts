import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../lib/i18n/render';
import { columnName, rowName, tableName } from '../../../lib/i18n/labels';
import { TABLE_KEYS } from '../../../lib/model/report';
import { FORMATS } from '../../../lib/template/formats';
import { auditShape } from '../../support/audit';
import { consistentReport, setCell } from '../../support/report-data';

const HAN = /\p{Script=Han}/u;

describe('labels in the reader’s language', () => {
  it('has an English name for every row and column key of both formats', () => {
    for (const format of ['2019', '2021'] as const) {
      for (const table of TABLE_KEYS) {
        const def = FORMATS[format].tables[table];
        for (const row of def.rows) expect(HAN.test(rowName('en', format, table, row.key)), `${format} ${table} row ${row.key}`).toBe(false);
        for (const column of def.columns) expect(HAN.test(columnName('en', format, table, column.key)), `${format} ${table} column ${column.key}`).toBe(false);
      }
    }
  });

  it('names rows with their numbering, the group before a sub-row, and 金额 by what it means in each format', () => {
    expect(rowName('en', '2021', 'applications', '3.3.1')).toBe('3.3.1 Not disclosed · state secret');
    expect(rowName('en', '2021', 'applications', '3.7')).toBe('3.7 Total');
    expect(rowName('zh', '2021', 'applications', '3.7')).toBe('（七）总计');
    expect(columnName('en', '2019', 'active', 'amount')).toBe('procurement amount');
    expect(columnName('en', '2021', 'active', 'amount')).toBe('fees collected (10,000 yuan)');
    expect(tableName('en', 'appeals')).toBe('4. Administrative reconsideration and litigation');
    expect(tableName('zh', 'appeals')).toBe('四、政府信息公开行政复议、行政诉讼情况');
  });

  it('writes English messages without Chinese, except the page text they quote', () => {
    for (const format of ['2019', '2021'] as const) {
      const data = consistentReport(format, 8);
      setCell(data, 'applications', '1', 'natural', 999);
      setCell(data, 'applications', '3.3.1', 'legal', '');
      setCell(data, 'appeals', 'reconsideration', 'total', 0);
      setCell(data, 'active', '6.penalty', 'decisions', '—');
      data.dropRows = ['applications/3.4.2'];
      const { findings, report } = auditShape(data, 'cms');
      const checked = findings.filter((f) => f.text === null && f.rule !== 'report.year-missing');
      expect(checked.length).toBeGreaterThan(3);
      for (const finding of checked) {
        const message = renderMessage(finding, report.format, 'en');
        expect(HAN.test(message), `${finding.rule}: ${message}`).toBe(false);
      }
    }
  });
});
