/**
 * Why an input could not be fetched or was left out, one short phrase each, in the run's language:
 * the reason column of a batch row and the line the command line prints for an input.
 */
import type { FetchFailureCode } from '../input/fetch';
import type { Lang } from './lang';

export type InputReason = FetchFailureCode | 'http' | 'not-fetched-host' | 'over-bound';

const zh: Record<InputReason, string> = {
  timeout: '{value} 秒内未下载完',
  'too-large': '超过 {value} MB，未下载',
  'off-host': '重定向到其他网站（{value}），未跟随',
  redirects: '重定向超过 {value} 次',
  network: '无法下载（{value}）',
  http: 'HTTP {value}',
  'not-fetched-host': '链接指向其他网站（{value}），未读取',
  'over-bound': '列表超过 {value} 个链接，此项未读取',
};

const en: Record<InputReason, string> = {
  timeout: 'not downloaded within {value} s',
  'too-large': 'larger than {value} MB: not downloaded',
  'off-host': 'redirected to another host ({value}): not followed',
  redirects: 'more than {value} redirects',
  network: 'cannot be fetched ({value})',
  http: 'HTTP {value}',
  'not-fetched-host': 'links to another host ({value}): not fetched',
  'over-bound': 'more than {value} links on the list: not fetched',
};

const MESSAGES: Record<Lang, Record<InputReason, string>> = { zh, en };

export function fetchReason(lang: Lang, code: InputReason, value: string | number = ''): string {
  return MESSAGES[lang][code].replace('{value}', String(value));
}
