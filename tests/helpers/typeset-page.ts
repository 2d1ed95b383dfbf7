/**
 * A newspaper page typeset for the tests, as a newsroom's page PDF is: articles in blocks on a grid (headline,
 * body in one to three columns, a part continued in another block with 下转/上接 notes), a page header and a
 * photo caption that belong to no article, printed to PDF by Chromium with a real text layer. Before printing,
 * it measures where each article's headline and paragraphs are, so a test can say how well a region found in
 * the PDF covers the article as printed.
 */
import { chromium } from '@playwright/test';
import type { ArticleText, PageRect } from '../../src/lib/epaper/locate.ts';
import { chromiumPath } from '../chromium.ts';

export interface TypesetArticle extends ArticleText {
  /** The grid area (a name in TypesetOptions.grid.areas) of the article's block. */
  area: string;
  /** Columns of its body (CSS columns); 1 when absent. */
  columns?: number;
  /** The paragraphs after the first `after` continue in a second block, in `area`, with 下转 and 上接 notes. */
  continued?: { after: number; area: string; columns?: number };
}

export interface TypesetOptions {
  /** A3 (the usual broadsheet page of a district paper) or A4; A3 when absent. */
  size?: 'A3' | 'A4';
  /** The page header's parts, e.g. 中原新闻 · 第5版 · 2024年5月20日. */
  header: string[];
  /** The page body as a CSS grid: grid-template-areas rows (one string each) and grid-template-columns. */
  grid: { areas: string[]; columns: string };
  /** Photos, each a grey box with a caption that is no article's text. */
  photos?: { area: string; caption: string; height: number }[];
}

export interface TypesetPage {
  pdf: Buffer;
  /** The page's size in PDF points. */
  width: number;
  height: number;
  /** Where each article's headline lines and paragraphs (each column's part of them) are printed, in PDF points from the top-left. */
  printed: Map<string, PageRect[]>;
}

/** Page sizes in CSS pixels, whole so that the print layout is the measured one (A3 and A4, to a few pixels). */
const SIZES = { A3: { width: 1120, height: 1584 }, A4: { width: 792, height: 1120 } };
const POINTS_PER_PIXEL = 72 / 96;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page column (第N栏, from 1) where a grid area starts: what a 下转 note points to. */
function pageColumn(areas: readonly string[], area: string): number {
  for (const row of areas) {
    const index = row.trim().split(/\s+/).indexOf(area);
    if (index >= 0) return index + 1;
  }
  throw new Error(`grid area ${area} is not in the grid`);
}

function articleHtml(article: TypesetArticle, areas: readonly string[]): string {
  const paragraphs = (list: readonly string[]) => list.map((text) => `<p data-article="${escape(article.id)}">${escape(text)}</p>`).join('');
  const columns = (count = 1) => `column-count:${count}`;
  const after = article.continued?.after ?? article.paragraphs.length;
  const first = `<section class="article" style="grid-area:${article.area}">
    <h2 data-article="${escape(article.id)}" data-headline>${escape(article.title)}</h2>
    <div class="body" style="${columns(article.columns)}">${paragraphs(article.paragraphs.slice(0, after))}${
      article.continued ? `<p class="jump">（下转第${pageColumn(areas, article.continued.area)}栏）</p>` : ''
    }</div></section>`;
  if (!article.continued) return first;
  return `${first}<section class="article" style="grid-area:${article.continued.area}">
    <div class="body" style="${columns(article.continued.columns)}"><p class="jump">（上接第${pageColumn(areas, article.area)}栏）</p>${paragraphs(article.paragraphs.slice(after))}</div></section>`;
}

function pageHtml(articles: readonly TypesetArticle[], options: TypesetOptions, size: { width: number; height: number }): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: ${size.width}px ${size.height}px; margin: 0 }
* { box-sizing: border-box }
html, body { margin: 0; padding: 0 }
body { font-family: 'Noto Sans CJK SC', sans-serif; color: #111 }
.page { width: ${size.width}px; height: ${size.height}px; padding: 40px 44px; overflow: hidden }
header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 3px double #333; padding-bottom: 6px; margin-bottom: 18px; font-size: 15px }
header span:first-child { font-size: 30px; font-weight: 700; letter-spacing: 4px }
main { display: grid; grid-template-areas: ${options.grid.areas.map((row) => `"${row}"`).join(' ')}; grid-template-columns: ${options.grid.columns}; gap: 22px 26px; align-items: start }
.article { border-top: 1px solid #999; padding-top: 8px }
h2 { font-size: 26px; line-height: 1.25; margin: 0 0 10px; font-weight: 700 }
.body { column-gap: 20px; column-rule: 1px solid #ccc; font-size: 14px; line-height: 1.55; text-align: justify }
p { margin: 0; text-indent: 2em }
p.jump { text-indent: 0; font-size: 12px; text-align: right }
figure { margin: 0 } figure .photo { background: #bbb } figcaption { font-size: 12px; line-height: 1.5; margin-top: 4px }
</style></head><body><div class="page">
<header>${options.header.map((part) => `<span>${escape(part)}</span>`).join('')}</header>
<main>${articles.map((article) => articleHtml(article, options.grid.areas)).join('\n')}${(options.photos ?? [])
    .map((photo) => `<figure style="grid-area:${photo.area}"><div class="photo" style="height:${photo.height}px"></div><figcaption>${escape(photo.caption)}</figcaption></figure>`)
    .join('')}</main></div></body></html>`;
}

/**
 * Typesets the articles on one page and prints it with Chromium. Throws when the page's content does not fit
 * on it (a test's texts must fit, or the PDF would have a second page and text clipped from the measures).
 */
export async function typesetPage(articles: readonly TypesetArticle[], options: TypesetOptions): Promise<TypesetPage> {
  const size = SIZES[options.size ?? 'A3'];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: size });
    // Measured as printed: the same media, the same width.
    await page.emulateMedia({ media: 'print' });
    await page.setContent(pageHtml(articles, options, size));
    await page.evaluate(() => document.fonts.ready);
    const measured = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const page = document.querySelector('.page')!;
      const overflow = main.getBoundingClientRect().bottom > page.getBoundingClientRect().bottom - 40 || main.scrollWidth > main.clientWidth;
      const printed: Record<string, { x: number; y: number; width: number; height: number }[]> = {};
      for (const element of document.querySelectorAll<HTMLElement>('[data-article]')) {
        let rects: DOMRect[];
        if (element.hasAttribute('data-headline')) {
          // The headline's printed lines, not its block's full width.
          const range = document.createRange();
          range.selectNodeContents(element);
          rects = [...range.getClientRects()];
        } else rects = [...element.getClientRects()];
        (printed[element.dataset.article!] ??= []).push(...rects.filter((rect) => rect.width > 0 && rect.height > 0).map((rect) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height })));
      }
      return { overflow, printed };
    });
    if (measured.overflow) throw new Error('the articles do not fit on the page: shorten them or change the grid');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const toPoints = (rect: PageRect): PageRect => ({ x: rect.x * POINTS_PER_PIXEL, y: rect.y * POINTS_PER_PIXEL, width: rect.width * POINTS_PER_PIXEL, height: rect.height * POINTS_PER_PIXEL });
    return {
      pdf,
      width: size.width * POINTS_PER_PIXEL,
      height: size.height * POINTS_PER_PIXEL,
      printed: new Map(Object.entries(measured.printed).map(([id, rects]) => [id, rects.map(toPoints)])),
    };
  } finally {
    await browser.close();
  }
}
