import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readListPage, type ListPage } from '../lib/batch/links';
import { BATCH_REQUEST_KEY, type BatchRequest } from '../lib/batch/store';
import { bt } from '../lib/i18n/batch-ui';
import type { Lang } from '../lib/i18n/lang';
import { hostsToAsk } from '../lib/input/hosts';

const MAX_HTML = 3_000_000;

/** The tab's page as HTML (the top frame; links a script added are there too), read through activeTab. */
async function readTab(tabId: number): Promise<{ url: string; list: ListPage } | null> {
  const [entry] = await browser.scripting.executeScript({
    target: { tabId },
    // Serialised, then parsed again here as an inert document: the page's markup is only read for its links.
    func: (max: number) => ({ url: location.href, html: new XMLSerializer().serializeToString(document).slice(0, max) }),
    args: [MAX_HTML],
  });
  const page = entry?.result as { url?: unknown; html?: unknown } | undefined;
  if (typeof page?.url !== 'string' || typeof page.html !== 'string') return null;
  const doc = new DOMParser().parseFromString(page.html, 'text/html');
  return { url: page.url, list: readListPage(doc, page.url) };
}

export interface Props {
  tabId: number;
  lang: Lang;
}

/** On a page that lists annual reports, offer to audit them all in the batch view. */
export function BatchOffer({ tabId, lang }: Props) {
  /** undefined while the page is being read; null when it could not be. */
  const [found, setFound] = useState<{ url: string; list: ListPage } | null | undefined>(undefined);
  useEffect(() => {
    readTab(tabId).then(setFound, () => setFound(null));
  }, [tabId]);
  // Hidden, for whoever waits on the popup (the e2e tests): whether the page is still being read.
  if (found === undefined) return <i hidden data-offer="batch" data-state="loading" />;
  if (!found || found.list.links.length < 2) return <i hidden data-offer="batch" data-state="none" />;

  const onClick = async () => {
    const origins = hostsToAsk([found.url]);
    // Another host than *.gov.cn: ask now, within the click, for that host only.
    if (origins.length && !(await browser.permissions.request({ origins }).catch(() => false))) return;
    const request: BatchRequest = { listUrl: found.url, links: found.list.links, next: found.list.next };
    await browser.storage.local.set({ [BATCH_REQUEST_KEY]: request });
    await browser.tabs.create({ url: browser.runtime.getURL('/batch.html') });
    window.close();
  };

  return (
    <button type="button" class="primary batch-offer" data-testid="batch-offer" data-offer="batch" data-state="shown" style={{ marginLeft: '6px' }} onClick={() => void onClick()}>
      {bt(lang, 'offer', { count: found.list.links.length })}
    </button>
  );
}
