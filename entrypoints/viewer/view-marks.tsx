/**
 * The page's marks in the viewer: the content script's overlay (outline, count label, 应为/实为
 * tooltip, related cells, suspect) drawn over the viewer's elements, which are table cells of a
 * Word document or anchors over the cells of a PDF page.
 */
import { renderFindings, type Lang } from '../../lib/i18n/render';
import type { Audit } from '../../lib/audit';
import type { RenderedFinding } from '../../lib/model/finding';
import { marksOf, relatedSources, suspectSource } from '../../lib/present/marks';
import { Overlay } from '../content/overlay';

export class ViewerMarks {
  private overlay = new Overlay();
  findings: RenderedFinding[] = [];

  constructor(private readonly audit: Audit, private readonly elements: Element[], private lang: Lang) {
    this.findings = renderFindings(audit.findings, audit.report.format, lang);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.findings = renderFindings(this.audit.findings, this.audit.report.format, lang);
    this.draw(null);
  }

  /** How many findings have an element to mark. */
  get marked(): number {
    return this.findings.filter((f) => typeof f.src === 'number' && this.elements[f.src]).length;
  }

  draw(selected: number | null): void {
    const report = this.audit.report;
    if (!report.isReport) return this.overlay.hide();
    const marks = marksOf(this.findings, (index) => this.findings[index]?.src);
    const finding = selected === null ? undefined : this.findings[selected];
    this.overlay.show({
      marks, elements: this.elements, selected, lang: this.lang, onSelect: (index) => this.select(index),
      related: finding ? relatedSources(report, finding) : [],
      suspect: suspectSource(report, finding),
    });
  }

  /** Scroll to the finding's cell, flash it and outline its relationship. */
  select(index: number): void {
    const finding = this.findings[index];
    this.draw(index);
    const element = typeof finding?.src === 'number' ? this.elements[finding.src] : undefined;
    if (!element) return;
    element.scrollIntoView({ block: 'center', inline: 'center' });
    this.overlay.flash(finding!.src!);
  }

  destroy(): void {
    this.overlay.destroy();
  }
}
