/**
 * The e-paper view (数字报 · 版面浏览): the archive as the newspaper printed it — by edition date, then page
 * (版次), then the articles in the order the page printed them. An article is in it when its `source` names
 * the edition (`edition`, the date of the printed issue), the page and its order on the page, as
 * `npm run import -- FILE --date D --page N` records them; other articles are simply not in this view.
 */
import { formatChineseDay } from '../dates.ts';
import { compareCodePoints } from '../order.ts';

export interface EditionSource {
  edition?: string;
  page?: string;
  order?: number;
}

export interface EditionEntry {
  id: string;
  data: { title: string; source?: EditionSource };
}

export interface EditionPage<T, P = never> {
  /** The 版次 as printed: 05, 5 or a name such as 要闻. */
  page: string;
  /** 第5版, or 要闻版. */
  label: string;
  /** In print order. */
  articles: T[];
  /** The printed page (its PDF, picture and regions), when the edition was imported with one. */
  printed?: P;
}

/** A printed page's place: the edition's date and the 版次. */
export interface PrintedPagePlace {
  date: string;
  page: string;
}

export interface Edition<T, P = never> {
  /** The edition's date, YYYY-MM-DD. */
  date: string;
  year: number;
  /** 2025年6月20日. */
  label: string;
  pages: EditionPage<T, P>[];
  count: number;
}

export interface EditionYear<T, P = never> {
  year: number;
  /** Newest first. */
  editions: Edition<T, P>[];
  count: number;
}

/** 第5版 for a numbered page (05 → 第5版), 要闻版 for a named one. */
export function pageLabel(page: string): string {
  return /^\d+$/.test(page) ? `第${Number(page)}版` : page.endsWith('版') ? page : `${page}版`;
}

/** 2025年6月20日 for an edition date. */
export function editionLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return formatChineseDay(year!, month!, day!);
}

/** “刊于2025年6月20日第5版”, for an article with edition data. */
export function printedAt(source: EditionSource | undefined): string | undefined {
  if (!source?.edition || !source.page) return undefined;
  return `刊于${editionLabel(source.edition)}${pageLabel(source.page)}`;
}

/** Numbered pages in number order, then named pages in code-point order. */
function comparePages(a: string, b: string): number {
  const numberA = /^\d+$/.test(a) ? Number(a) : Infinity;
  const numberB = /^\d+$/.test(b) ? Number(b) : Infinity;
  return numberA - numberB || (numberA === Infinity ? compareCodePoints(a, b) : 0);
}

/** The same 版次 however written: 05 and 5 are one page. */
export const samePage = (a: string, b: string) => a === b || (/^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b));

/**
 * The editions of the archive by year, newest year and edition first; pages in page order, articles in print
 * order. A printed page (its file, `printed`) joins the page its articles name; a page with a file and no
 * published article is an edition's page too (its regions are shown without links).
 */
export function groupEditions<T extends EditionEntry, P extends PrintedPagePlace = never>(entries: readonly T[], printed: readonly P[] = []): EditionYear<T, P>[] {
  const byDate = new Map<string, Map<string, { articles: T[]; printed?: P }>>();
  const pageOf = (date: string, page: string) => {
    const pages = byDate.get(date) ?? new Map<string, { articles: T[]; printed?: P }>();
    byDate.set(date, pages);
    const key = [...pages.keys()].find((known) => samePage(known, page)) ?? page;
    const found = pages.get(key) ?? { articles: [] };
    pages.set(key, found);
    return found;
  };
  for (const entry of entries) {
    const { edition, page } = entry.data.source ?? {};
    if (!edition || !page) continue;
    pageOf(edition, page).articles.push(entry);
  }
  for (const page of printed) pageOf(page.date, page.page).printed = page;
  const order = (entry: T) => entry.data.source?.order ?? Infinity;
  const editions = [...byDate]
    .sort(([a], [b]) => compareCodePoints(b, a))
    .map(([date, pages]): Edition<T, P> => {
      const sortedPages = [...pages]
        .sort(([a], [b]) => comparePages(a, b))
        .map(([page, { articles, printed: file }]) => ({
          page,
          label: pageLabel(page),
          articles: [...articles].sort((a, b) => order(a) - order(b) || compareCodePoints(a.id, b.id)),
          ...(file && { printed: file }),
        }));
      return { date, year: Number(date.slice(0, 4)), label: editionLabel(date), pages: sortedPages, count: sortedPages.reduce((sum, page) => sum + page.articles.length, 0) };
    });
  const years = new Map<number, Edition<T, P>[]>();
  for (const edition of editions) years.set(edition.year, [...(years.get(edition.year) ?? []), edition]);
  return [...years].map(([year, list]) => ({ year, editions: list, count: list.reduce((sum, edition) => sum + edition.count, 0) }));
}

/** The fragment that names an article's region on its 版 page: #article-2024-05-safety-inspection. */
export const regionAnchor = (id: string) => `article-${id.replaceAll('/', '-')}`;

/** The pages before and after `index` in the edition: 上一版 and 下一版. */
export function pageNeighbours<T>(pages: readonly T[], index: number): { previous?: T; next?: T } {
  return { ...(index > 0 && { previous: pages[index - 1] }), ...(index + 1 < pages.length && { next: pages[index + 1] }) };
}
