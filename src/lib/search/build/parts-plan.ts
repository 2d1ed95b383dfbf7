/**
 * Which part of the index each article goes in (lib/search/parts-manifest.ts says why there are parts), and the
 * manifest the indexer writes for the parts once they are written and named. Build side.
 */
import { compareCodePoints } from '../../order.ts';
import type { LexiconManifest } from '../lexicon-files.ts';
import { PARTS_DIR, type SearchPartsManifest } from '../parts-manifest.ts';

export interface PlannedPart<Item> {
  /** The period: `2017`, `2024-01_2024-06` (months), or `2024-05_2024-05.2` (the second run of a crowded month). */
  period: string;
  from: string;
  to: string;
  /** Sorted by date, then key. */
  items: Item[];
}

/** Ways to cut a year into equal spans of months, fewest first. */
const SPANS_PER_YEAR = [1, 2, 3, 4, 6, 12];

/**
 * Plans the parts, oldest first: a part per year, or per equal span of months when a year has more than
 * `maxItems` articles. `date` is the article's day (YYYY-MM-DD); `key` orders articles of the same day.
 */
export function planSearchParts<Item extends { date: string; key: string }>(items: readonly Item[], maxItems: number): PlannedPart<Item>[] {
  if (!(maxItems >= 1)) throw new RangeError(`maxItems must be at least 1, got ${maxItems}`);
  const sorted = [...items].sort((a, b) => compareCodePoints(a.date, b.date) || compareCodePoints(a.key, b.key));
  const years = new Map<string, Item[]>();
  for (const item of sorted) {
    const year = item.date.slice(0, 4);
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(item);
  }
  return [...years].flatMap(([year, yearItems]) => planYear(year, yearItems, maxItems));
}

function planYear<Item extends { date: string }>(year: string, items: Item[], maxItems: number): PlannedPart<Item>[] {
  const monthOf = (item: Item) => Number(item.date.slice(5, 7));
  for (const spans of SPANS_PER_YEAR) {
    const months = 12 / spans;
    const bySpan = Array.from({ length: spans }, () => [] as Item[]);
    for (const item of items) bySpan[Math.floor((monthOf(item) - 1) / months)]!.push(item);
    const fits = bySpan.every((span) => span.length <= maxItems);
    if (!fits && spans < 12) continue;
    return bySpan.flatMap((spanItems, index) => {
      if (spanItems.length === 0) return [];
      const first = index * months + 1;
      const last = first + months - 1;
      const from = `${year}-${pad(first)}-01`;
      const to = `${year}-${pad(last)}-${pad(daysInMonth(Number(year), last))}`;
      const period = spans === 1 ? year : `${year}-${pad(first)}_${year}-${pad(last)}`;
      // A month with more articles than a part holds (only in a test, or an archive without real dates) is
      // cut into runs of consecutive articles; the month stays the unit that anything else changes.
      if (spanItems.length <= maxItems) return [{ period, from, to, items: spanItems }];
      const runs = Math.ceil(spanItems.length / maxItems);
      const size = Math.ceil(spanItems.length / runs);
      return Array.from({ length: runs }, (_, run) => ({ period: `${period}.${run + 1}`, from, to, items: spanItems.slice(run * size, (run + 1) * size) }));
    });
  }
  return [];
}

/** The manifest for parts planned oldest first, once each is written and named: newest first. */
export function searchPartsManifest(
  parts: readonly { name: string; from: string; to: string; pages: number; reporters: readonly string[]; openingFiles: readonly string[] }[],
  firstStepPages: number,
  lexicon: LexiconManifest,
): SearchPartsManifest {
  return {
    firstStepPages,
    lexicon,
    parts: [...parts].reverse().map((part, index) => ({
      name: part.name,
      path: index === 0 ? '' : `${PARTS_DIR}/${part.name}/`,
      from: part.from,
      to: part.to,
      pages: part.pages,
      reporters: [...new Set(part.reporters)].sort(compareCodePoints),
      openingFiles: [...part.openingFiles],
    })),
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The files Pagefind (1.6) fetches to open an index after its `pagefind-entry.json`, read from that entry: the
 * metadata of its one language (`pagefind.<hash>.pf_meta`) and, when `main`, the WebAssembly for that language
 * (`wasm.<language>.pagefind`, `wasm.unknown.pagefind` for a language without its own, as Chinese). An entry
 * without languages (an index of no pages) opens nothing.
 */
export function pagefindOpeningFiles(entry: unknown, main: boolean): string[] {
  const languages = (entry as { languages?: Record<string, { hash?: unknown; wasm?: unknown }> } | null)?.languages;
  const all = languages && typeof languages === 'object' ? Object.values(languages) : [];
  if (all.length === 0) return [];
  if (all.length > 1) throw new Error(`a search part has ${all.length} languages; the site has one`);
  const { hash, wasm } = all[0]!;
  if (typeof hash !== 'string' || !(wasm === null || typeof wasm === 'string')) throw new Error('pagefind-entry.json is not in the form of Pagefind 1.6');
  return main ? [`pagefind.${hash}.pf_meta`, `wasm.${wasm ?? 'unknown'}.pagefind`] : [`pagefind.${hash}.pf_meta`];
}
