/**
 * The page's marks in the viewer: the content script's overlay (outline, count label, 应为/实为
 * tooltip, related cells, suspect) drawn over the viewer's elements, which are table cells of a
 * Word document or anchors over the cells of a PDF page, each found from a finding's own anchor.
 */
import type { Audit } from '../../lib/audit';
import type { Lang } from '../../lib/i18n/lang';
import type { Anchor } from '../../lib/model/anchor';
import type { AuditResult } from '../../lib/model/result';
import { relatedAnchors, suspectAnchor } from '../../lib/present/anchors';
import { marksOf } from '../../lib/present/marks';
import { resultIn } from '../../lib/result';
import { Overlay } from '../../components/overlay/host';

export class ViewerMarks {
  private overlay = new Overlay();
  /** The result in the current language: its findings carry their anchors. */
  result: AuditResult;

  constructor(private readonly audit: Audit, private readonly place: (anchor: Anchor) => Element | undefined, private lang: Lang) {
    this.result = audit.result;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.result = resultIn(this.audit, lang);
    this.draw(null);
  }

  draw(selected: number | null): void {
    const report = this.audit.report;
    if (!report.isReport) return this.overlay.hide();
    const findings = this.result.findings;
    const finding = selected === null ? undefined : findings[selected];
    this.overlay.show({
      marks: marksOf(findings, { lang: this.lang, format: report.format }), place: this.place, selected, lang: this.lang, tight: true,
      onSelect: (index) => this.select(index),
      related: finding ? relatedAnchors(report, finding) : [],
      suspect: suspectAnchor(report, finding) ?? null,
    });
  }

  /** Scroll to the finding's cell, flash it and outline its relationship. */
  select(index: number): void {
    const anchor = this.result.findings[index]?.anchor;
    this.draw(index);
    const element = anchor ? this.place(anchor) : undefined;
    if (!element || !anchor) return;
    element.scrollIntoView({ block: 'center', inline: 'center' });
    this.overlay.flash(anchor);
  }

  destroy(): void {
    this.overlay.destroy();
  }
}
