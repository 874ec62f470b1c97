/** Popup- and side-panel-side probes shared by the Chromium and Firefox tests (plain functions, serialised into the page). */

/**
 * The popup has settled: it knows what the tab holds (its `data-view` left `loading`) and every offer
 * it shows on that view has finished looking (their `data-state` left `loading`).
 */
export function popupSettled(): boolean {
  const view = document.querySelector('[data-testid="popup"]')?.getAttribute('data-view');
  if (!view || view === 'loading') return false;
  return Array.from(document.querySelectorAll('[data-offer]')).every((offer) => offer.getAttribute('data-state') !== 'loading');
}

export interface PopupReading {
  view: string;
  agency: string;
  counts: string;
  relations: string;
  /** Each finding: its rule and what the popup says of it (title, place, message). */
  findings: string[];
  /** The active (last clicked) finding's index, if any. */
  active: string | null;
  /** The files offered for 审核附件. */
  attachments: string[];
  openInViewer: boolean;
  batch: string | null;
}

/** No named helpers in here: the test runner's transform would wrap them in a function the page lacks. */
export function readPopup(): PopupReading {
  const [agency, counts, relations] = ['agency', 'count-errors', 'relations']
    .map((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '');
  return {
    view: document.querySelector('[data-testid="popup"]')?.getAttribute('data-view') ?? '',
    agency: agency!,
    counts: counts!,
    relations: relations!,
    findings: Array.from(document.querySelectorAll('[data-testid="finding"]'))
      .map((f) => `${f.getAttribute('data-rule')}: ${(f.textContent ?? '').trim()}`),
    active: document.querySelector('li.item.active [data-testid="finding"]')?.getAttribute('data-index') ?? null,
    attachments: Array.from(document.querySelectorAll('[data-testid="audit-attachment"]')).map((b) => b.getAttribute('data-url') ?? ''),
    openInViewer: !!document.querySelector('[data-testid="open-in-viewer"]'),
    batch: document.querySelector('[data-testid="batch-offer"]')?.textContent ?? null,
  };
}
