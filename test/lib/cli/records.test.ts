import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditResultSchema } from '../../../lib/model/result';
import { auditRecordSchema } from '../../../lib/model/record';
import { findingKey } from '../../../lib/review/key';
import { flatten } from '../../support/audit';
import { renderHtml } from '../../support/render';
import { firstPublication, republished } from '../../support/republished';

const ROOT = new URL('../../../', import.meta.url).pathname;

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'dist/cli/audit.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const results = (stdout: string) => (JSON.parse(stdout) as unknown[]).map((r) => auditResultSchema.parse(r));

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), '--build'], { cwd: ROOT });
});

describe('the command line keeps audit records and re-audits against them', () => {
  it('--record DIR: the republished report shows 已整改 1 / 未整改 2 / 新增 1 in the JSON, the readable output and the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-records-'));
    const page = join(dir, 'nb.html');
    const records = join(dir, 'records');
    writeFileSync(page, renderHtml(firstPublication(), 'word'));
    const first = await run('--record', records, page);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('核查记录已写入');
    const [file] = readdirSync(records);
    expect(file).toMatch(/^测试县交通运输局-2023-\d{8}T\d{6}Z-[0-9a-f]{8}\.json$/);
    const record = auditRecordSchema.parse(JSON.parse(readFileSync(join(records, file!), 'utf8')));
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.publishedAt).toBe('2024-01-19');
    expect(record.publishedAtSource).toBe('site');
    expect(record.texts.length).toBeGreaterThan(3);

    // Unchanged: nothing to re-audit, nothing written again.
    const again = await run('--record', records, page);
    expect(again.stderr).toContain('未另存');
    expect(readdirSync(records)).toHaveLength(1);

    writeFileSync(page, renderHtml(republished(), 'cms'));
    const summary = join(dir, 'summary.csv');
    const second = await run('--json', '--record', records, '--summary', summary, page);
    const [result] = results(second.stdout);
    expect(result!.reaudit!.baseline).toEqual({ source: page, auditedAt: record.auditedAt, sha256: record.sha256 });
    expect([result!.reaudit!.fixed.length, result!.reaudit!.open.length, result!.reaudit!.new.length]).toEqual([1, 2, 1]);
    expect(flatten(result!.findings.filter((f) => f.rule === 'report.changed'))).toEqual(['report.changed - - - 2024-01-19 2024-01-29']);
    const csv = readFileSync(summary, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/,已整改,未整改,新增,/);
    expect(csv[1]).toMatch(/,1,2,1,[^,]*,[^,]*,[^,]*$/);
    expect(readdirSync(records)).toHaveLength(2);
    const readable = await run('--baseline', join(records, file!), page);
    expect(readable.stdout).toContain(`与 ${record.auditedAt.slice(0, 10)} 的核查记录相比：已整改 1 · 未整改 2 · 新增 1`);
  });

  it('--baseline RECORD.json: the record’s notes carry over to the findings that remain, and into the next record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-baseline-'));
    const page = join(dir, 'nb.html');
    writeFileSync(page, renderHtml(firstPublication(), 'cms'));
    await run('--record', join(dir, 'first'), page);
    const [file] = readdirSync(join(dir, 'first'));
    const record = auditRecordSchema.parse(JSON.parse(readFileSync(join(dir, 'first', file!), 'utf8')));
    const direct = record.findings.find((f) => f.row === 'litigation.direct')!;
    record.reviews = { [findingKey(direct)]: { status: 'confirmed', note: '已电话告知，待更正' } };
    writeFileSync(join(dir, 'reviewed.json'), JSON.stringify(record));
    writeFileSync(page, renderHtml(republished(), 'word'));
    const second = await run('--json', '--baseline', join(dir, 'reviewed.json'), '--record', join(dir, 'second'), page);
    const [result] = results(second.stdout);
    expect(result!.reaudit!.reviews).toEqual(record.reviews);
    const [next] = readdirSync(join(dir, 'second'));
    expect(auditRecordSchema.parse(JSON.parse(readFileSync(join(dir, 'second', next!), 'utf8'))).reviews).toEqual(record.reviews);
  });

  it('a damaged --baseline stops the run with the reason; a damaged file in the folder is skipped and left as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-damaged-'));
    const page = join(dir, 'nb.html');
    writeFileSync(page, renderHtml(firstPublication(), 'cms'));
    writeFileSync(join(dir, 'bad.json'), '{"format":"nianbao-audit-archive","version":1,"exportedAt":"x","records":[],"reviews":{}}');
    const bad = await run('--baseline', join(dir, 'bad.json'), page);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('无法读取核查记录');
    expect(bad.stderr).toContain('内容不完整或有误');
    const records = join(dir, 'records');
    await run('--record', records, page);
    writeFileSync(join(records, 'broken.json'), '{"sha256": "12');
    const next = await run('--lang', 'en', '--record', records, page);
    expect(next.stderr).toContain('skipped');
    expect(next.stderr).toContain('not a valid JSON file');
    expect(readFileSync(join(records, 'broken.json'), 'utf8')).toBe('{"sha256": "12');
  });
});
