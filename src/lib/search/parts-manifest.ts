/**
 * The search index in parts, one per period of the calendar. Two reasons:
 *
 * - What a reader's search costs must not grow with the archive. The search page searches the newest parts
 *   first and older ones only when the reader asks (lib/search/browser/plan.ts), so a first search loads a few
 *   parts, whatever the archive's age.
 * - Pagefind's indexer holds the whole index in memory while it writes it: about 0.25 MB per article measured
 *   with 1.6.0. Parts of at most a few thousand articles, written one after another, bound that memory.
 *
 * A part is a calendar year; a year with more articles than fit one part is cut into equal spans of months
 * (halves, thirds, quarters, two-month spans or months). Which part an article belongs to depends only on its
 * own year and that year's articles, so adding this month's articles, or an old edition imported late,
 * changes only its own period's part: every other part is written byte for byte as before, and browsers and
 * CDNs keep it cached.
 */
import { compareCodePoints } from '../order.ts';
import type { LexiconManifest } from './lexicon-files.ts';

/** One part as the search page sees it (pagefind/parts.json). */
export interface SearchPartEntry {
  /** The period and a hash of the part's files, e.g. `2017-3fa9c2d1e0`: also the value of its `part` filter. */
  name: string;
  /** Where the part's index is, relative to pagefind/: '' for the newest (the main index), else `parts/<name>/`. */
  path: string;
  /** The first and last day of the part's period (ISO days; a calendar span, not the dates of its articles). */
  from: string;
  to: string;
  /** Published articles in the part. */
  pages: number;
  /** Reporters with an article in the part (the search page's 记者 filter skips parts without them). */
  reporters: string[];
  /**
   * What Pagefind fetches to open the part after its entry file, relative to the part's directory: its
   * metadata and, for the main index, the WebAssembly search engine. Named here so that the search page can ask
   * for them all at once instead of one after another (scripts/pagefind-parts.ts).
   */
  openingFiles: string[];
}

/** What the search page loads (pagefind/parts.json). */
export interface SearchPartsManifest {
  /** Articles a search reads before its first screen of results; each later step reads twice as many. */
  firstStepPages: number;
  /** Newest first; the first is the main index. */
  parts: SearchPartEntry[];
  /** The archive's words, in shards (lib/search/build/lexicon.ts): loaded for the characters a query has. */
  lexicon: LexiconManifest;
}

/**
 * parts.json as written: the same, except that the reporters are listed once for the archive, each with the
 * parts it has articles in (indexes into `parts`, as ranges: `0-27`, `3,5-9`), instead of once per part. At
 * 50,000 articles the lists per part were nine tenths of the file, which every search opens first.
 */
export interface SearchPartsFile extends Omit<SearchPartsManifest, 'parts'> {
  parts: Omit<SearchPartEntry, 'reporters'>[];
  reporters: [name: string, parts: string][];
}

/** The manifest as parts.json holds it. */
export function toSearchPartsFile({ parts, ...rest }: SearchPartsManifest): SearchPartsFile {
  const partsOf = new Map<string, number[]>();
  parts.forEach((part, index) => {
    for (const name of part.reporters) {
      const list = partsOf.get(name) ?? [];
      if (list.at(-1) !== index) list.push(index);
      partsOf.set(name, list);
    }
  });
  const reporters = [...partsOf].sort(([a], [b]) => compareCodePoints(a, b)).map(([name, indexes]): [string, string] => [name, toRanges(indexes)]);
  return { ...rest, parts: parts.map(({ reporters: _, ...part }) => part), reporters };
}

/** Ascending indexes as ranges: [0, 1, 2, 5, 7, 8] → `0-2,5,7-8`. */
function toRanges(indexes: readonly number[]): string {
  const ranges: string[] = [];
  for (let start = 0; start < indexes.length; ) {
    let end = start;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end]! + 1) end++;
    ranges.push(end === start ? String(indexes[start]) : `${indexes[start]}-${indexes[end]}`);
    start = end + 1;
  }
  return ranges.join(',');
}

/** The indexes of `0-2,5`, or undefined when it is not such a list. */
function fromRanges(text: string): number[] | undefined {
  const indexes: number[] = [];
  for (const range of text.split(',')) {
    const bounds = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (!bounds) return undefined;
    const [first, last] = [Number(bounds[1]), Number(bounds[2] ?? bounds[1])];
    for (let index = first; index <= last; index++) indexes.push(index);
  }
  return indexes;
}

/** Where an older part is written, relative to the main index directory (pagefind/). */
export const PARTS_DIR = 'parts';

/**
 * Reads parts.json (SearchPartsFile) into the manifest, each part with its reporters. What the search page
 * reads is checked; a manifest from another version of the site fails here, not later.
 */
export function parseSearchPartsManifest(value: unknown): SearchPartsManifest {
  const { reporters, ...file } = (value ?? {}) as Partial<SearchPartsFile>;
  const parts = Array.isArray(file.parts) ? file.parts.map((part) => ({ ...part, reporters: [] as string[] })) : undefined;
  // Each reporter's ranges name parts that exist; each part gets its reporters back, in the file's order.
  const expanded =
    parts !== undefined &&
    Array.isArray(reporters) &&
    reporters.every((entry) => {
      const indexes = Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string' ? fromRanges(entry[1]) : undefined;
      if (!indexes || indexes.some((index) => index >= parts.length)) return false;
      for (const index of indexes) parts[index]!.reporters.push(entry[0]);
      return true;
    });
  if (!expanded) throw new Error('parts.json is not a search index manifest');
  const manifest: Partial<SearchPartsManifest> & Pick<SearchPartsManifest, 'parts'> = { ...file, parts };
  const isDay = (day: unknown) => typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day);
  const valid =
    Number.isInteger(manifest.firstStepPages) &&
    manifest.firstStepPages! >= 1 &&
    manifest.parts.every(
      (part) =>
        typeof part?.name === 'string' &&
        typeof part.path === 'string' &&
        isDay(part.from) &&
        isDay(part.to) &&
        Number.isInteger(part.pages) &&
        Array.isArray(part.reporters) &&
        Array.isArray(part.openingFiles) &&
        part.openingFiles.every((file) => typeof file === 'string' && /^[\w.-]+$/.test(file)),
    ) &&
    typeof manifest.lexicon?.path === 'string' &&
    typeof manifest.lexicon.version === 'string' &&
    (['articles', 'words', 'pinyin', 'readings'] as const).every((count) => Number.isInteger(manifest.lexicon![count])) &&
    manifest.lexicon.words >= 1 &&
    manifest.lexicon.pinyin >= 1 &&
    manifest.lexicon.readings >= 1;
  if (!valid) throw new Error('parts.json is not a search index manifest');
  return manifest as SearchPartsManifest;
}

/**
 * A span of parts in words, for the status line: 2024年, 2024年1月至6月, 2015年至2023年, 2023年7月至2024年6月.
 * `from` and `to` are ISO days at the start and end of months.
 */
export function periodLabel(from: string, to: string): string {
  const [fromYear, fromMonth] = [from.slice(0, 4), Number(from.slice(5, 7))];
  const [toYear, toMonth] = [to.slice(0, 4), Number(to.slice(5, 7))];
  const wholeYears = fromMonth === 1 && toMonth === 12;
  if (wholeYears) return fromYear === toYear ? `${fromYear}年` : `${fromYear}年至${toYear}年`;
  if (fromYear === toYear) return fromMonth === toMonth ? `${fromYear}年${fromMonth}月` : `${fromYear}年${fromMonth}月至${toMonth}月`;
  return `${fromYear}年${fromMonth}月至${toYear}年${toMonth}月`;
}

/** The period covered by parts listed newest first. */
export function partsPeriodLabel(parts: readonly { from: string; to: string }[]): string {
  if (parts.length === 0) return '';
  return periodLabel(parts[parts.length - 1]!.from, parts[0]!.to);
}
