/**
 * Every internal URL of the site, in one place, so pages, feeds and tests agree and a base path
 * (hosting under /news/) is applied once.
 */

export function createUrls(basePath: string) {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const path = (...segments: (string | number)[]) =>
    `${base}${segments.map((segment) => encodeURIComponent(String(segment))).join('/')}${segments.length ? '/' : ''}`;
  const paged = (segments: (string | number)[], page: number) => (page > 1 ? path(...segments, page) : path(...segments));

  return {
    home: () => path(),
    article: (id: string) => path('articles', ...id.split('/')),
    archive: () => path('archive'),
    archiveYear: (year: number) => path('archive', year),
    archiveMonth: (year: number, month: number) => path('archive', year, twoDigits(month)),
    archiveDay: (year: number, month: number, day: number) => path('archive', year, twoDigits(month), twoDigits(day)),
    column: (slug: string, page = 1) => paged(['columns', slug], page),
    tags: () => path('tags'),
    tag: (tag: string, page = 1) => paged(['tags', tag], page),
    people: () => path('people'),
    person: (name: string, page = 1) => paged(['people', name], page),
    search: (query?: string) => (query ? `${path('search')}?q=${encodeURIComponent(query)}` : path('search')),
    asset: (file: string) => `${base}${file.replace(/^\//, '')}`,
  };
}

/** Months and days in URLs: 05, 06. */
export const twoDigits = (n: number) => String(n).padStart(2, '0');

export type Urls = ReturnType<typeof createUrls>;
