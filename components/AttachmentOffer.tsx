import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { kindOfUrl } from '../lib/extract/attachments';
import type { Lang } from '../lib/i18n/lang';
import { t } from '../lib/i18n/ui';
import type { AttachmentLink } from '../lib/model/messages';
import type { DateCandidate } from '../lib/model/report';
import { ask, listFrames } from './connection';

export interface Props {
  tabId: number;
  /** Whether the auditor could run in the tab: a browser's own PDF reader cannot be scripted. */
  reachable: boolean;
  lang: Lang;
}

interface Offer {
  attachments: AttachmentLink[];
  /** The linking page's own 发布时间. */
  pageDate: DateCandidate | null;
  /** The tab's URL when the tab shows a document itself. */
  document: string | null;
}

const WEB = /^https?:$/;

/**
 * The viewer page for a document URL, with what the page or list that linked it said of its date
 * (the linking page's 发布时间, a list's date): the viewer's audit then decides the date as the
 * batch and the command line do (lib/facts/published.ts).
 */
export function viewerUrl(src: string, dated?: DateCandidate | null): string {
  const date = dated ? `&date=${encodeURIComponent(dated.date)}&dateSource=${encodeURIComponent(dated.source)}` : '';
  return `${browser.runtime.getURL('/viewer.html')}?src=${encodeURIComponent(src)}${date}`;
}

async function findOffer(tabId: number, reachable: boolean): Promise<Offer> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url ? new URL(tab.url) : null;
  const web = url !== null && WEB.test(url.protocol);
  if (!reachable) return { attachments: [], pageDate: null, document: web ? url.href : null };
  const frames = await listFrames(tabId, false);
  const states = await Promise.all(frames.frames.map((frame) => ask(tabId, frame.frameId, { type: 'get-state' }).catch(() => null)));
  const attachments = states.flatMap((state) => state?.attachments ?? []);
  const shown = states.some((state) => state?.contentType === 'application/pdf') || (url !== null && kindOfUrl(url) !== null);
  const unique = attachments.filter((a, i) => attachments.findIndex((b) => b.url === a.url) === i).slice(0, 10);
  const pageDate = states.flatMap((state) => state?.pageDates ?? [])[0] ?? null;
  return { attachments: unique, pageDate, document: web && shown ? url.href : null };
}

/**
 * A page without report tables may link the report as a PDF or Word file; a tab may show the PDF
 * itself in the browser's reader. Either way the document can be opened in the extension's viewer.
 */
export function AttachmentOffer({ tabId, reachable, lang }: Props) {
  const [offer, setOffer] = useState<Offer | null>(null);
  useEffect(() => {
    findOffer(tabId, reachable).then(setOffer, () => setOffer({ attachments: [], pageDate: null, document: null }));
  }, [tabId, reachable]);
  // Hidden, for whoever waits on the popup (the e2e tests): whether the offer is still being looked for.
  if (!offer) return <i hidden data-offer="attachment" data-state="loading" />;
  if (offer.attachments.length === 0 && !offer.document) return <i hidden data-offer="attachment" data-state="none" />;
  // The new tab takes the focus, which closes a real popup by itself.
  const open = (src: string, pageDate: DateCandidate | null = null) => void browser.tabs.create({ url: viewerUrl(src, pageDate) });
  const likely = offer.attachments.some((a) => a.likely);
  return (
    <section class="attachment-offer" data-testid="attachment-offer" data-offer="attachment" data-state="shown">
      {offer.document && (
        <>
          <p>{t(lang, 'pdfTab')}</p>
          <button type="button" class="primary" data-testid="open-in-viewer" onClick={() => open(offer.document!)}>{t(lang, 'openInViewer')}</button>
        </>
      )}
      {offer.attachments.length > 0 && (
        <>
          <p>{t(lang, likely ? 'inAttachment' : 'mayBeAttachment')}</p>
          <ul>
            {offer.attachments.map((attachment) => (
              <li key={attachment.url} class="attachment">
                <span class="attachment-name" title={attachment.url}>{attachment.name}</span>
                <button type="button" class="primary" data-testid="audit-attachment" data-url={attachment.url} onClick={() => open(attachment.url, offer.pageDate)}>
                  {t(lang, 'auditAttachment')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
