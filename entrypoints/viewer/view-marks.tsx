/**
 * The page's marks in the viewer: the content script's overlay (outline, count label, 应为/实为
 * tooltip, related cells, suspect) drawn over the viewer's elements, which are table cells of a
 * Word document or anchors over the cells of a PDF page.
 */
import type { Audit } from '../../lib/audit';
import type { Lang } from '../../lib/i18n/render';
import type { AuditResult } from '../../lib/model/result';
import { marksOf, relatedSources, suspectSource } from '../../lib/present/marks';
import { resultIn } from '../../lib/result';
import { Overlay } from '../../components/Overlay';

export class ViewerMarks {
  private overlay = new Overlay();
  /** The result in the current language: its findings line up with `audit.findings` (which keep the `src`). */
  result: AuditResult;

  constructor(private readonly audit: Audit, private readonly elements: Element[], private lang: Lang) {
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
    const marks = marksOf(findings, (index) => this.audit.findings[index]?.src, { lang: this.lang, format: report.format });
    const finding = selected === null ? undefined : findings[selected];
    this.overlay.show({
      marks, elements: this.elements, selected, lang: this.lang, tight: true, onSelect: (index) => this.select(index),
      related: finding ? relatedSources(report, finding) : [],
      suspect: suspectSource(report, finding),
    });
  }

  /** Scroll to the finding's cell, flash it and outline its relationship. */
  select(index: number): void {
    const src = this.audit.findings[index]?.src;
    this.draw(index);
    const element = typeof src === 'number' ? this.elements[src] : undefined;
    if (!element) return;
    element.scrollIntoView({ block: 'center', inline: 'center' });
    this.overlay.flash(src!);
  }

  destroy(): void {
    this.overlay.destroy();
  }
}
