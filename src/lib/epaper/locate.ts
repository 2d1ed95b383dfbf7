/**
 * Where each article is printed on a page of the newspaper (热区 of the e-paper, 数字报), found in the page PDF's
 * text layer: the page's lines (page-lines.ts) are cut into stretches that are found, character for character,
 * in an article's title and paragraphs; a stretch found in several places goes where its neighbours in the
 * article's text are; the article's stretches give its regions (regions.ts). What cannot be found is reported,
 * never guessed: an article is located only when most of its text, and its headline or first paragraph, are on
 * the page. Plain TypeScript: the build reads the PDF (src/epaper/pdf-text.ts) and hands its text here.
 */
import { comparableText } from './comparable.ts';
import { pageLines, type PageRect, type PageText, type TextLine } from './page-lines.ts';
import { articleRegions, type TextBox } from './regions.ts';

export type { PageRect, PageText, PageTextItem } from './page-lines.ts';

export interface ArticleText {
  id: string;
  title: string;
  /** The body's paragraphs as plain text. */
  paragraphs: string[];
}

export type Location =
  | { id: string; located: true; regions: PageRect[]; /** Share of the article's text matched on the page, 0..1. */ matched: number }
  | { id: string; located: false; /** For an editor, in Chinese. */ reason: string };

/** An article is located when at least this share of its text is on the page. */
export const MIN_MATCHED = 0.5;
/** A stretch shorter than this is too common to place by itself; it is placed only as the continuation of a neighbour. */
const MIN_STRETCH = 4;
/** Offsets in an article's text this close are neighbours: a character the page prints differently may sit between. */
const LINK_SLACK = 2;
const SEED = 3;
/** Lines of one article's running text are printed in one size; a caption or a pull quote in another. */
const SAME_SIZE = 1.1;

/** An article's text as matching sees it: the comparable characters of its title, then of its paragraphs. */
interface ArticleChars {
  text: string;
  titleLength: number;
  firstParagraphLength: number;
  /** Offsets in `text` where the body and each paragraph start. */
  paragraphStarts: Set<number>;
}

interface Placement {
  article: number;
  offset: number;
}

/** A stretch of a line found in the articles' texts: characters start..end of the line, and where they can be. */
interface Stretch {
  line: TextLine;
  start: number;
  end: number;
  candidates: Placement[];
  placed?: Placement;
}

const length = (stretch: Stretch) => stretch.end - stretch.start;

function articleChars(article: ArticleText): ArticleChars {
  const title = comparableText(article.title);
  const paragraphs = article.paragraphs.map(comparableText);
  const paragraphStarts = new Set<number>();
  let offset = title.length;
  for (const paragraph of paragraphs) {
    paragraphStarts.add(offset);
    offset += paragraph.length;
  }
  return { text: title + paragraphs.join(''), titleLength: title.length, firstParagraphLength: paragraphs.find((paragraph) => paragraph !== '')?.length ?? 0, paragraphStarts };
}

/** Every SEED characters of every article, to where they occur. */
function seedIndex(texts: readonly string[]): Map<string, Placement[]> {
  const index = new Map<string, Placement[]>();
  texts.forEach((text, article) => {
    for (let offset = 0; offset + SEED <= text.length; offset++) {
      const key = text.slice(offset, offset + SEED);
      const list = index.get(key);
      if (list) list.push({ article, offset });
      else index.set(key, [{ article, offset }]);
    }
  });
  return index;
}

/**
 * A line cut greedily into the longest stretches any article's text has; every place with that longest
 * length is a candidate. Characters no article has (a page header, a caption, a 下转 note) are left out.
 */
function cutLine(line: TextLine, texts: readonly string[], index: ReadonlyMap<string, Placement[]>): Stretch[] {
  const stretches: Stretch[] = [];
  let start = 0;
  while (start + SEED <= line.text.length) {
    let best = 0;
    let candidates: Placement[] = [];
    for (const seed of index.get(line.text.slice(start, start + SEED)) ?? []) {
      const text = texts[seed.article]!;
      let matched = SEED;
      while (start + matched < line.text.length && line.text[start + matched] === text[seed.offset + matched]) matched++;
      if (matched > best) [best, candidates] = [matched, [seed]];
      else if (matched === best) candidates.push(seed);
    }
    if (best >= MIN_STRETCH || (best > 0 && best === line.text.length)) {
      stretches.push({ line, start, end: start + best, candidates });
      start += best;
    } else start++;
  }
  return stretches;
}

/** Where the stretch's characters are printed. */
function boxOf(stretch: Stretch): TextBox {
  const glyphs = stretch.line.glyphs.slice(stretch.start, stretch.end);
  return { x0: glyphs[0]!.x0, x1: glyphs.at(-1)!.x1, y0: stretch.line.top, y1: stretch.line.bottom, size: stretch.line.size };
}

function distance(a: TextBox, b: TextBox): number {
  const across = Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
  const down = Math.max(0, a.y0 - b.y1, b.y0 - a.y1);
  return Math.hypot(across, down);
}

/** Placed stretches by article, with the offsets where each starts and ends, to find a stretch's neighbours in the text. */
class Placed {
  readonly byArticle = new Map<number, Stretch[]>();
  readonly #articles: readonly ArticleChars[];

  constructor(articles: readonly ArticleChars[]) {
    this.#articles = articles;
  }

  add(stretch: Stretch, placement: Placement): void {
    stretch.placed = placement;
    this.byArticle.set(placement.article, [...(this.byArticle.get(placement.article) ?? []), stretch]);
  }

  /**
   * Whether `stretch`, at `placement`, continues a placed stretch of the article or is continued by one: the
   * other ends just before it or starts just after it in the article's text, and is printed in the same size,
   * unless they meet where a paragraph starts (a headline and its first line, a larger lead paragraph). The size
   * tells a caption that quotes the article from the article's lines.
   */
  linked(stretch: Stretch, placement: Placement): boolean {
    const start = placement.offset;
    const end = start + length(stretch);
    const breaks = this.#articles[placement.article]!.paragraphStarts;
    return (this.byArticle.get(placement.article) ?? []).some((other) => {
      if (other === stretch) return false;
      const otherStart = other.placed!.offset;
      const otherEnd = otherStart + length(other);
      const before = start - otherEnd >= 0 && start - otherEnd <= LINK_SLACK;
      const after = otherStart - end >= 0 && otherStart - end <= LINK_SLACK;
      if (!before && !after) return false;
      const sizes = Math.max(other.line.size, stretch.line.size) / Math.min(other.line.size, stretch.line.size);
      return sizes <= SAME_SIZE || breaks.has(before ? start : otherStart);
    });
  }

  nearest(article: number, box: TextBox): number {
    return Math.min(Infinity, ...(this.byArticle.get(article) ?? []).map((other) => distance(boxOf(other), box)));
  }
}

/**
 * Each stretch given one place: one candidate is its place; of several, the one next to a placed neighbour in
 * the article's text, repeated while that places more; then the candidate whose article prints nearest.
 */
function placeStretches(stretches: readonly Stretch[], articles: readonly ArticleChars[]): Placed {
  const placed = new Placed(articles);
  for (const stretch of stretches) if (stretch.candidates.length === 1) placed.add(stretch, stretch.candidates[0]!);
  let open = stretches.filter((stretch) => !stretch.placed);
  for (let changed = true; changed; ) {
    changed = false;
    for (const stretch of open) {
      const linked = stretch.candidates.filter((candidate) => placed.linked(stretch, candidate));
      if (linked.length === 0) continue;
      const box = boxOf(stretch);
      placed.add(stretch, linked.sort((a, b) => placed.nearest(a.article, box) - placed.nearest(b.article, box))[0]!);
      changed = true;
    }
    open = open.filter((stretch) => !stretch.placed);
  }
  for (const stretch of open) {
    const box = boxOf(stretch);
    const nearest = [...stretch.candidates].sort((a, b) => placed.nearest(a.article, box) - placed.nearest(b.article, box))[0]!;
    if (Number.isFinite(placed.nearest(nearest.article, box))) placed.add(stretch, nearest);
  }
  return placed;
}

/**
 * What is left of a line between stretches, too short to be found by itself (the end of a paragraph: 作。),
 * joins the article whose placed stretch it continues: the stretch before it on its line, or the end of a line
 * just above it in the same column.
 */
function placeShortRests(lines: readonly TextLine[], stretches: readonly Stretch[], texts: readonly string[], placed: Placed): void {
  const byLine = new Map<TextLine, Stretch[]>();
  for (const stretch of stretches) byLine.set(stretch.line, [...(byLine.get(stretch.line) ?? []), stretch]);
  const placedStretches = stretches.filter((stretch) => stretch.placed);
  for (const line of lines) {
    const own = (byLine.get(line) ?? []).sort((a, b) => a.start - b.start);
    const gaps: [number, number][] = [];
    let at = 0;
    for (const stretch of own) {
      if (stretch.start > at) gaps.push([at, stretch.start]);
      at = stretch.end;
    }
    if (at < line.text.length) gaps.push([at, line.text.length]);
    for (const [start, end] of gaps) {
      if (end - start >= MIN_STRETCH) continue;
      const rest: Stretch = { line, start, end, candidates: [] };
      const box = boxOf(rest);
      const before = placedStretches.filter((other) => {
        const { article, offset } = other.placed!;
        if (!texts[article]!.startsWith(line.text.slice(start, end), offset + length(other))) return false;
        if (other.line === line) return other.end === start;
        const above = boxOf(other);
        const across = Math.min(above.x1, box.x1) - Math.max(above.x0, box.x0);
        return start === 0 && across > 0 && box.y0 >= above.y0 && box.y0 - above.y1 <= 2 * line.size;
      });
      const previous = before.sort((a, b) => distance(boxOf(a), box) - distance(boxOf(b), box))[0];
      if (previous) placed.add(rest, { article: previous.placed!.article, offset: previous.placed!.offset + length(previous) });
    }
  }
}

/** How much of [from, to) of the article's text the placed stretches cover. */
function coverage(covered: readonly boolean[], from: number, to: number): number {
  if (to <= from) return 0;
  let count = 0;
  for (let i = from; i < to; i++) if (covered[i]) count++;
  return count / (to - from);
}

/**
 * Each article's regions on the page, or why it is not located. `page` is the page's text layer; articles are
 * those printed on it as their files have them (title and paragraphs as plain text).
 */
export function locateArticles(page: PageText, articles: readonly ArticleText[]): Location[] {
  const chars = articles.map(articleChars);
  const texts = chars.map((article) => article.text);
  const lines = pageLines(page.items);
  const index = seedIndex(texts);
  const stretches = lines.flatMap((line) => cutLine(line, texts, index));
  const placed = placeStretches(stretches, chars);
  // A stretch linked to nothing of its article's text before or after it is a phrase that happens to be in the
  // article (a caption or a headline quoting it), not the article printed: every printed line of an article
  // continues the line before it or goes on in the next.
  for (const [article, list] of placed.byArticle) {
    placed.byArticle.set(
      article,
      list.filter((stretch) => placed.linked(stretch, stretch.placed!)),
    );
  }
  placeShortRests(lines, stretches.filter((stretch) => placed.byArticle.get(stretch.placed?.article ?? -1)?.includes(stretch)), texts, placed);

  const verdicts = chars.map((article, i) => {
    const covered = Array.from({ length: article.text.length }, () => false);
    for (const stretch of placed.byArticle.get(i) ?? []) for (let k = 0; k < length(stretch); k++) covered[stretch.placed!.offset + k] = true;
    const matched = coverage(covered, 0, article.text.length);
    const title = coverage(covered, 0, article.titleLength);
    const firstParagraph = coverage(covered, article.titleLength, article.titleLength + article.firstParagraphLength);
    return { matched, reason: notLocated(article, page, matched, Math.max(title, firstParagraph)) };
  });
  const printed = new Map<number, TextBox[]>();
  verdicts.forEach((verdict, i) => {
    if (!verdict.reason) printed.set(i, (placed.byArticle.get(i) ?? []).map(boxOf));
  });
  const regions = articleRegions(printed);
  return articles.map((article, i): Location => {
    const { matched, reason } = verdicts[i]!;
    if (reason) return { id: article.id, located: false, reason };
    return { id: article.id, located: true, regions: regions.get(i) ?? [], matched: Math.round(matched * 1000) / 1000 };
  });
}

/** Why an article is not located, or undefined when it is. */
function notLocated(article: ArticleChars, page: PageText, matched: number, head: number): string | undefined {
  if (article.text === '') return '文章没有可比对的文字（标题和正文都是空的）';
  if (!page.items.some((item) => comparableText(item.text) !== '')) return '版面 PDF 没有文字层（可能是扫描的图片），无法按文字定位';
  if (matched === 0) return '在版面 PDF 的文字中找不到标题和正文';
  const percent = `${Math.round(matched * 100)}%`;
  if (matched < MIN_MATCHED) return `在版面 PDF 的文字中只找到文章文字的 ${percent}，不足一半：可能不在这一版，或转到了别的版，或版面文字与稿件不一致`;
  if (head < 0.5) return `在版面 PDF 中找到文章文字的 ${percent}，但找不到标题和第一段：无法确定是这篇文章`;
  return undefined;
}
