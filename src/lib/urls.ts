/**
 * Every internal URL of the site, in one place, so pages, feeds and tests agree and a base path
 * (hosting under /news/) is applied once.
 */

export function createUrls(basePath: string) {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const path = (...segments: (string | number)[]) =>
    `${base}${segments.map((segment) => encodeURIComponent(String(segment))).join('/')}${segments.length ? '/' : ''}`;
  // A list's own address (its newest articles), or one of its pages numbered from the oldest (lib/archive/list-pages.ts).
  const paged = (segments: (string | number)[], page?: number) => (page === undefined ? path(...segments) : path(...segments, page));

  return {
    home: () => path(),
    article: (id: string) => path('articles', ...id.split('/')),
    archive: () => path('archive'),
    archiveYear: (year: number) => path('archive', year),
    archiveMonth: (year: number, month: number) => path('archive', year, twoDigits(month)),
    archiveDay: (year: number, month: number, day: number) => path('archive', year, twoDigits(month), twoDigits(day)),
    /** The e-paper view: editions by year, a year's editions, one edition (date YYYY-MM-DD) by page. */
    editions: () => path('editions'),
    editionYear: (year: number) => path('editions', year),
    edition: (date: string) => path('editions', date.slice(0, 4), date.slice(5)),
    /** One printed page (版) of an edition: 05 and 5 are page 5; a named page (要闻) by its name. */
    editionPage: (date: string, page: string) => path('editions', date.slice(0, 4), date.slice(5), /^\d+$/.test(page) ? Number(page) : page),
    /** The e-paper's files (a page's PDF and pictures), named by their content. */
    epaperFile: (name: string) => `${base}_epaper/${name}`,
    column: (slug: string, page?: number) => paged(['columns', slug], page),
    tags: () => path('tags'),
    tag: (tag: string, page?: number) => paged(['tags', nameKey(tag)], page),
    people: () => path('people'),
    person: (name: string, page?: number) => paged(['people', nameKey(name)], page),
    search: (query?: string) => (query ? `${path('search')}?q=${encodeURIComponent(query)}` : path('search')),
    asset: (file: string) => `${base}${file.replace(/^\//, '')}`,
  };
}

/**
 * The page a tag or a person's name belongs to. Names that differ only in full-width/half-width Latin letters
 * and digits (５Ｇ, 5G), Latin case (AI, ai) or runs of spaces are one page: readers and editors mean the same
 * thing, and on a case-insensitive file system (Windows, macOS) `AI/` and `ai/` would be one directory anyway.
 * Chinese punctuation (（）、·) is kept as written.
 */
export function nameKey(name: string): string {
  return name
    .trim()
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Whether an address names its scheme (https:, javascript:, data:): not a path of the site. */
export function hasUrlScheme(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url);
}

/** Names Windows cannot give a file or directory, whatever the extension (a newsroom may copy dist/ there). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/;

/** Characters that cannot be part of a page's path on every static host and file system. */
const PATH_UNSAFE = /[\/\\?#%:*"<>|\p{Cc}]/u;
export const MAX_NAME_LENGTH = 30;

/**
 * Why a tag or a name cannot be a page of its own (its URL segment and its directory under dist/), or
 * undefined when it can. Checked by the article schema, so an editor learns it with the file and line.
 */
export function namePathProblem(name: string): string | undefined {
  const key = nameKey(name);
  const unsafe = PATH_UNSAFE.exec(key)?.[0];
  if (unsafe !== undefined) {
    const shown = /\p{Cc}/u.test(unsafe) ? '控制字符' : `“${unsafe}”`;
    const hint = unsafe === '%' ? '请改用全角“％”（如 GDP增长5％）' : '请改用中文标点，或拆成两项';
    return `含有${shown}：标签和人名会成为网址的一部分，不能含有 / \\ ? # % : * " < > | 和控制字符；${hint}`;
  }
  if (key.startsWith('.')) return '不能以“.”开头：以点开头的目录在很多网站主机上不会发布';
  if (WINDOWS_RESERVED.test(key) || key.endsWith('.')) return '是 Windows 不能用作文件名的名称（如 CON、NUL，或以“.”结尾）：请换个写法';
  if ([...key].length > MAX_NAME_LENGTH) return `过长（最多 ${MAX_NAME_LENGTH} 个字）：标签和人名会成为网址的一部分`;
  return undefined;
}

/** Months and days in URLs: 05, 06. */
export const twoDigits = (n: number) => String(n).padStart(2, '0');

export type Urls = ReturnType<typeof createUrls>;
