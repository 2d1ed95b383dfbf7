/**
 * Lists of a column, a tag or a person split into pages that do not move when an article is published.
 *
 * Numbered newest first, every page of a list would shift by one article with each new one, and a publish would
 * rewrite (and upload, and evict from a CDN) every page of every list the article joins: hundreds of pages for
 * a column at 50,000 articles. So, as many news archives do, pages are numbered from the oldest end and only
 * full pages get a number: page 1 (`/columns/x/1/`) always holds the list's oldest `pageSize` articles, page k
 * the k-th `pageSize` from the oldest. The list's own address (`/columns/x/`) shows the newest `pageSize`
 * articles, the total and the way to the older pages; it overlaps the newest numbered page by the articles not
 * yet enough for a page of their own.
 *
 * A numbered page shows nothing that changes with the rest of the list: its articles, its number, a link to
 * the page before it and one to the list's newest articles — not the total, the number of pages or a link to
 * the page after it, which would change whenever a page is added. So a new article changes the list's own page
 * and, when it completes a page, adds that page: at most two pages a list, and every numbered address keeps
 * its articles. A back-dated article (an old edition imported late) is inserted among older articles: the pages
 * from its place to the newest move by one article, as withdrawing an article does (and the newest numbered
 * page goes when the list falls below it).
 */

/** The list's own address: its newest articles. */
export interface LatestListPage<T> {
  number?: undefined;
  /** Newest first, as every list shows them. */
  articles: T[];
  /** The articles of the whole list. */
  total: number;
  /** How many numbered pages the list has (full pages only). */
  numbered: number;
  /** The numbered page with the articles just older than these, if any. */
  older?: number;
}

/** A numbered page: the k-th `pageSize` articles from the oldest. */
export interface NumberedListPage<T> {
  number: number;
  /** Newest first. */
  articles: T[];
  /** The page before it (number − 1), if any. Newer articles: the list's own address. */
  older?: number;
}

export type ListPage<T> = LatestListPage<T> | NumberedListPage<T>;

/** The pages of a list given newest first: its own address first, then numbered pages 1…n (full ones only). */
export function listPages<T>(newestFirst: readonly T[], pageSize: number): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive whole number, got ${pageSize}`);
  const total = newestFirst.length;
  // A list shown whole on its own address needs no numbered page (which would repeat it).
  if (total <= pageSize) return [{ articles: [...newestFirst], total, numbered: 0 }];
  const numbered = Math.floor(total / pageSize);
  const oldestFirst = [...newestFirst].reverse();
  // The newest articles on the list's own page reach into the newest numbered page, or are exactly it.
  const rest = total - numbered * pageSize;
  const newestOlder = rest === 0 ? numbered - 1 : numbered;
  const latest: LatestListPage<T> = { articles: newestFirst.slice(0, pageSize), total, numbered, ...(newestOlder > 0 && { older: newestOlder }) };
  const pages = Array.from({ length: numbered }, (_, index): NumberedListPage<T> => {
    const number = index + 1;
    return { number, articles: oldestFirst.slice(index * pageSize, number * pageSize).reverse(), ...(number > 1 && { older: number - 1 }) };
  });
  return [latest, ...pages];
}
