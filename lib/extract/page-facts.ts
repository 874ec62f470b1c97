/**
 * What a page says about the report it holds, read where portals put it: the title in the block
 * before the content container (`<div class="article_title">某局2023年…年度报告</div>` above
 * `<div class="TRS_Editor">`, a `.detail-title`, an `<h1>`, a centred bold line), the portal's
 * metadata (`<meta name="ArticleTitle">`, the 名称 of an 信息索引 table), `<title>` with the site's
 * name cut off; and the agency that published it (`<meta name="ContentSource">`, 发布机构 / 来源
 * labels). Breadcrumbs and links never. The container is still what is audited: its neighbours are
 * read only for these facts. Eleven of twelve real report pages of four agencies (TRS, UEditor, Word
 * pasted into an editor) kept their title in such a block, and were read as untitled.
 * Light on purpose: the auditor content script carries it.
 */
import { statedPeriodYear } from '../template/meta';
import type { TextBlock } from '../model/report';
import { isElement, tagOf, type DocumentLike, type ElementLike, type NodeLike } from './dom';
import { cellText, isHidden, walkText } from './dom-text';
import { tidyText } from './normalize';
import { joinSplitTitles, pickTitle } from './types';

export interface PageFacts {
  title: string | null;
  /** Agency names the page's metadata gives, best first; lib/facts/agency.ts decides which names one. */
  publishers: string[];
}

/** class or id naming a title: article_title, detail-title, news_tit, biaoti, 标题 … */
const TITLE_NAME = /title|biaoti|标题|(?:^|[-_\s])(?:tit|bt)(?:$|[-_\s\d])/i;
/** Regions that name other pages or the page's place: never a title's or a publisher's. */
const OTHER_REGION = /crumb|position|location|weizhi|dangqian|nav|menu|related|xgwz|xglj|xgxx|share|fenxiang|footer|copyright|sidebar|side-/i;
const SKIPPED = new Set(['a', 'ul', 'ol', 'nav', 'script', 'style', 'select', 'form', 'button', 'iframe', 'noscript', 'template', 'svg', 'head', 'object']);
/** How far before the container to look: elements, and nodes visited in them. */
const MAX_PRECEDING = 80;
const PER_LEVEL = 30;
const MAX_VISITS = 4000;
const MAX_LINE = 120;

const TITLE_LABEL = /^(?:名称|标题|文件名称|信息名称|文章标题|题名)$/;
/** Labels of the agency that published the page, strong first: an 信息索引 table's and an info bar's. */
const PUBLISHER_LABEL = /^(?:发布机构|发文机关|发文单位|发布单位|公开主体|公开单位|发布部门|所属机构|生成机构|信息提供单位|责任部门)$/;
const SOURCE_LABEL = /^(?:来源|信息来源|文章来源|稿件来源)$/;
/** “发布机构：XX局”, “来源：XX局” inside a line of an info bar. */
const LABELLED_LINE = /(发布机构|发文机关|发文单位|发布单位|公开主体|公开单位|发布部门|所属机构|来源|信息来源|文章来源)\s*[:：]\s*([^\s\u3000:：|｜/]{2,40})/g;

const TITLE_META = new Set(['ArticleTitle', 'title']);
const PUBLISHER_META = new Set(['ContentSource']);

/** The first `<meta>` whose name (or og: property) is one of these, as `querySelector('meta[name=…]')` finds it. */
export function metaContent(doc: DocumentLike, names: ReadonlySet<string>, property?: string): string | null {
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i += 1) {
    const meta = metas[i]!;
    const name = meta.getAttribute('name');
    if ((name !== null && names.has(name)) || (property !== undefined && meta.getAttribute('property') === property)) return meta.getAttribute('content');
  }
  return null;
}

/**
 * The elements before `start` (its earlier siblings, then its parent's, …), nearest first, up to the
 * body. A few per level: where no container is recognised, `start` is the first table, and the
 * paragraphs of part 一 before it must not use up the look before the article's title block.
 */
function precedingElements(start: ElementLike): ElementLike[] {
  const out: ElementLike[] = [];
  let at: NodeLike = start;
  for (let depth = 0; depth < 16 && out.length < MAX_PRECEDING; depth += 1) {
    const parent = at.parentNode;
    if (!parent || !isElement(parent)) break;
    const before: ElementLike[] = [];
    for (let child = parent.firstChild; child && child !== at; child = child.nextSibling) if (isElement(child)) before.push(child);
    out.push(...before.reverse().slice(0, Math.min(PER_LEVEL, MAX_PRECEDING - out.length)));
    if (tagOf(parent) === 'body') break;
    at = parent;
  }
  return out;
}

function nameOf(element: ElementLike): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

function isSkipped(element: ElementLike): boolean {
  return SKIPPED.has(tagOf(element)) || isHidden(element) || OTHER_REGION.test(nameOf(element));
}

const CENTRED = /text-align\s*:\s*center/i;
const EMPHASIS = /font-weight\s*:\s*(?:bold|[6-9]00)|font-size\s*:\s*(?:1[6-9]|[2-9]\d)(?:\.\d+)?(?:pt|px)/i;

/** An `<h1>`–`<h4>`, an element whose class or id names a title, or a centred line set bold or large. */
function isTitleElement(element: ElementLike): boolean {
  const tag = tagOf(element);
  if (tag === 'h1' || tag === 'h2' || tag === 'h3' || tag === 'h4') return true;
  if (TITLE_NAME.test(nameOf(element))) return true;
  const style = element.getAttribute('style') ?? '';
  if (!(tag === 'center' || element.getAttribute('align')?.toLowerCase() === 'center' || CENTRED.test(style))) return false;
  if (EMPHASIS.test(style)) return true;
  const inner = element.firstChild;
  return inner !== null && isElement(inner) && (['b', 'strong'].includes(tagOf(inner)) || EMPHASIS.test(inner.getAttribute('style') ?? ''));
}

/** The visible text of an element without its links' text (a title is not a link; a list of related reports is). */
function ownText(element: ElementLike): string {
  let text = '';
  walkText(element, {
    text: (data) => void (text += data),
    lineBreak: () => void (text += ' '),
    skip: (inner) => tagOf(inner) === 'a',
  });
  return tidyText(text);
}

class Collector {
  strong: string[] = [];
  weak: string[] = [];
  alts: string[] = [];
  tableTitles: string[] = [];
  publishers: string[] = [];
  sources: string[] = [];
  visits = 0;

  /** One element before the container: its title elements, info tables, lines and image alts. */
  read(root: ElementLike): void {
    if (isSkipped(root)) return;
    const stack: ElementLike[] = [root];
    while (stack.length && this.visits < MAX_VISITS) {
      const element = stack.pop()!;
      this.visits += 1;
      if (element !== root && isSkipped(element)) continue;
      const tag = tagOf(element);
      if (tag === 'table') {
        this.readTable(element);
        continue;
      }
      if (tag === 'img') {
        const alt = tidyText(element.getAttribute('alt') ?? '');
        if (alt) this.alts.push(alt);
        continue;
      }
      if (isTitleElement(element)) {
        const text = ownText(element);
        if (text && text.length <= MAX_LINE) this.strong.push(text);
        else if (!text) this.imageTitle(element);
        if (text.length <= MAX_LINE) continue;
      }
      const children: ElementLike[] = [];
      for (let child = element.firstChild; child; child = child.nextSibling) if (isElement(child)) children.push(child);
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
    }
    if ((root.textContent ?? '').length <= 5000) this.readLines(root);
  }

  /** A title drawn as an image (`<div class="title"><img alt="某局2023年…"></div>`): its alt is what a reader sees. */
  private imageTitle(element: ElementLike): void {
    const images = element.getElementsByTagName('img');
    for (let i = 0; i < Math.min(images.length, 3); i += 1) {
      const alt = tidyText(images[i]!.getAttribute('alt') ?? '');
      if (alt) this.strong.push(alt);
    }
  }

  /** Lines of the element as a reader sees them (links, lists and tables left out), for titles set as plain text and labelled info. */
  private readLines(root: ElementLike): void {
    const lines: string[] = [];
    let line = '';
    const flush = () => {
      const text = tidyText(line);
      if (text) lines.push(...text.split('\n'));
      line = '';
    };
    walkText(root, {
      text: (data) => void (line += data),
      lineBreak: flush,
      skip: (element) => isSkipped(element) || tagOf(element) === 'table',
      enterBlock: flush,
      leaveBlock: flush,
    });
    flush();
    for (const text of lines) {
      this.readLabelled(text);
      if (text.length <= MAX_LINE) this.weak.push(text);
    }
  }

  /** “发布机构：XX局 来源：XX局” in a line. */
  readLabelled(line: string): void {
    for (const match of line.matchAll(LABELLED_LINE)) {
      (SOURCE_LABEL.test(match[1]!) ? this.sources : this.publishers).push(match[2]!);
    }
  }

  /** An 信息索引 table: label cells followed by their value cells (名称 | …, 发布机构 | …, 索引号 | …). */
  private readTable(table: ElementLike): void {
    const cells = table.getElementsByTagName('td');
    if (cells.length > 60) return;
    for (let i = 0; i < cells.length; i += 1) {
      const text = cellText(cells[i]!);
      const label = text.replace(/[\s\u3000:：]+/g, '');
      const value = () => (i + 1 < cells.length ? cellText(cells[i + 1]!).replace(/\s+/g, ' ').trim() : '');
      if (TITLE_LABEL.test(label)) this.tableTitles.push(value());
      else if (PUBLISHER_LABEL.test(label)) this.publishers.push(value());
      else if (SOURCE_LABEL.test(label)) this.sources.push(value());
      else if (text.length <= 80) this.readLabelled(text);
    }
  }
}

/** `某局2023年政府信息公开工作年度报告-某县人民政府门户网站`: the parts between the separators portals put around the site's name. */
function titleParts(title: string, site: string | null): string[] {
  const text = site ? title.replace(site, ' - ') : title;
  return text.split(/\s*[-_|｜–—]+\s*|\s{2,}/);
}

/**
 * The page's title and publisher. `container` is the element the report's prose and tables sit in;
 * `blocks` its prose blocks; `headings` the page's first headings. When candidates with different
 * years read as titles (a list of related reports beside the article), the one whose year the
 * report's statistics period states is taken.
 */
export function readPageFacts(doc: DocumentLike, container: ElementLike | null, blocks: readonly TextBlock[], headings: readonly ElementLike[]): PageFacts {
  const collector = new Collector();
  if (container) for (const element of precedingElements(container)) collector.read(element);
  const lines = joinSplitTitles(blocks.slice(0, 13).map((block) => block.text));
  for (const line of lines.slice(0, 6)) collector.readLabelled(line);
  const headingTexts = headings.map(ownText);
  const site = metaContent(doc, new Set(['SiteName']));
  const year = blocks.slice(0, 40).map((block) => statedPeriodYear(block.text)).find((y) => y !== null) ?? null;
  const title = pickTitle([
    metaContent(doc, TITLE_META, 'og:title'), ...collector.strong, ...headingTexts, ...lines, ...collector.tableTitles,
    ...joinSplitTitles(collector.weak), ...titleParts(doc.title ?? '', site), ...collector.alts,
    // Last: a heading that is all link (a portal's list of related reports is made of such headings).
    ...headings.map((element) => element.textContent),
  ], year);
  const contentSource = metaContent(doc, PUBLISHER_META);
  const publishers = [...collector.publishers, ...(contentSource ? [contentSource] : []), ...collector.sources]
    .map((name) => name.trim()).filter((name) => name.length >= 2);
  return { title, publishers: [...new Set(publishers)].slice(0, 6) };
}
