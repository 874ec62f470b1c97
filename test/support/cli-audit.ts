import { auditPrepared } from '../../lib/batch/audit-batch';
import { cliEnv, prepareCliInput } from '../../lib/cli/inputs';
import type { Lang } from '../../lib/i18n/lang';
import type { AuditResult } from '../../lib/model/result';

/** One file or URL as the command line reads and audits it (lib/cli/inputs.ts → the one input path). */
export async function auditCliInput(input: string, lang: Lang = 'zh'): Promise<AuditResult | null> {
  const [item] = await prepareCliInput(input, false, await cliEnv(lang));
  return item ? (auditPrepared(item, { lang })?.result ?? null) : null;
}
