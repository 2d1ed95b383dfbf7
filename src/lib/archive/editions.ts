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

export interface EditionPage<T> {
  /** The 版次 as printed: 05, 5 or a name such as 要闻. */
  page: string;
  /** 第5版, or 要闻版. */
  label: string;
  /** In print order. */
  articles: T[];
}

export interface Edition<T> {
  /** The edition's date, YYYY-MM-DD. */
  date: string;
  year: number;
  /** 2025年6月20日. */
  label: string;
  pages: EditionPage<T>[];
  count: number;
}

export interface EditionYear<T> {
  year: number;
  /** Newest first. */
  editions: Edition<T>[];
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

/** The editions of the archive by year, newest year and edition first; pages in page order, articles in print order. */
export function groupEditions<T extends EditionEntry>(entries: readonly T[]): EditionYear<T>[] {
  const byDate = new Map<string, Map<string, T[]>>();
  for (const entry of entries) {
    const { edition, page } = entry.data.source ?? {};
    if (!edition || !page) continue;
    const pages = byDate.get(edition) ?? new Map<string, T[]>();
    pages.set(page, [...(pages.get(page) ?? []), entry]);
    byDate.set(edition, pages);
  }
  const order = (entry: T) => entry.data.source?.order ?? Infinity;
  const editions = [...byDate]
    .sort(([a], [b]) => compareCodePoints(b, a))
    .map(([date, pages]): Edition<T> => {
      const sortedPages = [...pages]
        .sort(([a], [b]) => comparePages(a, b))
        .map(([page, articles]) => ({
          page,
          label: pageLabel(page),
          articles: [...articles].sort((a, b) => order(a) - order(b) || compareCodePoints(a.id, b.id)),
        }));
      return { date, year: Number(date.slice(0, 4)), label: editionLabel(date), pages: sortedPages, count: sortedPages.reduce((sum, page) => sum + page.articles.length, 0) };
    });
  const years = new Map<number, Edition<T>[]>();
  for (const edition of editions) years.set(edition.year, [...(years.get(edition.year) ?? []), edition]);
  return [...years].map(([year, list]) => ({ year, editions: list, count: list.reduce((sum, edition) => sum + edition.count, 0) }));
}
