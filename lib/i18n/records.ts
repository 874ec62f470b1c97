/** Why a file of audit records was refused, said the same way by the command line and the extension. */
import type { ArchiveProblem } from '../record/archive';
import type { Lang } from './lang';

const REASONS: Record<Lang, Record<ArchiveProblem['reason'], string>> = {
  zh: {
    'too-large': '文件过大（{detail} 字节），未读取',
    'not-json': '不是有效的 JSON 文件（{detail}）',
    'not-archive': '不是年报核查的核查记录或档案文件',
    invalid: '内容不完整或有误，整个文件未导入（{detail}）',
  },
  en: {
    'too-large': 'the file is too large ({detail} bytes) and was not read',
    'not-json': 'not a valid JSON file ({detail})',
    'not-archive': 'not an audit record or archive of the Annual Report Auditor',
    invalid: 'incomplete or damaged; nothing in it was imported ({detail})',
  },
};

export function archiveProblem(lang: Lang, problem: Pick<ArchiveProblem, 'reason' | 'detail'>): string {
  return REASONS[lang][problem.reason].replace('{detail}', problem.detail).replace(/（）|\(\)/, '').trim();
}
