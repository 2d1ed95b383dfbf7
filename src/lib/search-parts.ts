/**
 * The search index in parts. Pagefind's indexer holds the whole index in memory while it writes it: about
 * 0.25 MB per article measured with 1.6.0 (2.5 GiB for 10,000 articles). Indexing the archive as several smaller
 * indexes, one after another, bounds that memory; the browser merges the parts (Pagefind's mergeIndex), so
 * readers search one archive.
 *
 * Parts are runs of consecutive dates, oldest first, so a search sorted by date can read the newest part first.
 */

/** What the search page loads (pagefind/parts.json): the parts, newest first; the first is the main index. */
export interface SearchPartsManifest {
  parts: { name: string; path: string; pages: number }[];
}

export interface SearchPart<Item> {
  /** Readable and unique: number, first and last date, e.g. `02_2016-01-03_2016-12-30`. */
  name: string;
  items: Item[];
}

/** Where an older part is written, relative to the main index directory (pagefind/). */
export const PARTS_DIR = 'parts';

/**
 * Sorts items by date (then key, so the plan is the same on every machine) and cuts them into parts of at most
 * `maxItems`, oldest first.
 */
export function planSearchParts<Item extends { date: string; key: string }>(items: readonly Item[], maxItems: number): SearchPart<Item>[] {
  if (!(maxItems >= 1)) throw new RangeError(`maxItems must be at least 1, got ${maxItems}`);
  const sorted = [...items].sort((a, b) => compareText(a.date, b.date) || compareText(a.key, b.key));
  const count = Math.ceil(sorted.length / maxItems);
  // Even sizes: 10,000 articles in parts of at most 3,000 are four parts of 2,500, not 3,000 + … + 1,000.
  const size = Math.ceil(sorted.length / Math.max(count, 1));
  const width = String(count).length;
  return Array.from({ length: count }, (_, index) => {
    const partItems = sorted.slice(index * size, (index + 1) * size);
    const name = `${String(index + 1).padStart(width, '0')}_${partItems[0]!.date}_${partItems[partItems.length - 1]!.date}`;
    return { name, items: partItems };
  }).filter((part) => part.items.length > 0);
}

/** The manifest for parts planned oldest first: the newest part is the main index, the others live in parts/. */
export function searchPartsManifest(parts: readonly { name: string; items: readonly unknown[] }[]): SearchPartsManifest {
  return {
    parts: [...parts].reverse().map((part, index) => ({
      name: part.name,
      path: index === 0 ? '' : `${PARTS_DIR}/${part.name}/`,
      pages: part.items.length,
    })),
  };
}

/** Code-point order, the same on every machine (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
