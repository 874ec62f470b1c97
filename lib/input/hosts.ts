/** Hosts the extension already reaches: *.gov.cn (its host permission). Others are asked for at the user's click. */
export function hostsToAsk(urls: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      const parsed = new URL(url);
      if (!/(^|\.)gov\.cn$/i.test(parsed.hostname)) origins.add(`${parsed.protocol}//${parsed.hostname}/*`);
    } catch {
      // not an address: parseUrlList keeps only valid ones
    }
  }
  return [...origins];
}
