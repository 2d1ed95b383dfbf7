/**
 * Related articles: those sharing people, tags or the column with an article, best first.
 * Computed for the whole archive at once from inverted indexes, so the cost follows the number of shared
 * keys rather than the square of the archive size.
 */
import type { ArchiveEntry } from './archive.ts';

/** A shared named person says more about a story than a shared tag, and a tag more than the column. */
const WEIGHTS = { person: 3, tag: 2, column: 1 } as const;
/** A key on more articles than this (a tag like 安全生产 after ten years) is too broad to relate by. */
const MAX_KEY_ARTICLES = 400;

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * For every article, up to `limit` related articles: highest score first, then newer, then by id (the
 * archive order), so the choice is the same in every build. Takes the archive newest first.
 */
export function relatedArticles<T extends ArchiveEntry>(sorted: readonly T[], limit = 5): Map<string, T[]> {
  const keysOf = (entry: T) => [
    ...new Set(entry.data.people.map((name) => `person:${name}`)),
    ...new Set(entry.data.tags.map((tag) => `tag:${tag}`)),
  ];
  const weightOf = (key: string) => (key.startsWith('person:') ? WEIGHTS.person : WEIGHTS.tag);
  const byKey = new Map<string, number[]>();
  const byColumn = new Map<string, number[]>();
  const placeInColumn: number[] = [];
  sorted.forEach((entry, i) => {
    for (const key of keysOf(entry)) push(byKey, key, i);
    push(byColumn, entry.data.column, i);
    placeInColumn[i] = byColumn.get(entry.data.column)!.length - 1;
  });

  const related = new Map<string, T[]>();
  sorted.forEach((entry, self) => {
    const scores = new Map<number, number>();
    for (const key of keysOf(entry)) {
      const sharing = byKey.get(key)!;
      if (sharing.length > MAX_KEY_ARTICLES) continue;
      for (const other of sharing) if (other !== self) scores.set(other, (scores.get(other) ?? 0) + weightOf(key));
    }
    for (const [other, score] of scores) if (sorted[other]!.data.column === entry.data.column) scores.set(other, score + WEIGHTS.column);
    // Too few shared keys: the column's nearest articles in time fill the list.
    const column = byColumn.get(entry.data.column)!;
    const at = placeInColumn[self]!;
    for (const other of column.slice(Math.max(0, at - limit), at + limit + 1)) {
      if (other !== self && !scores.has(other)) scores.set(other, WEIGHTS.column);
    }
    const best = [...scores].sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || a - b).slice(0, limit);
    related.set(entry.id, best.map(([other]) => sorted[other]!));
  });
  return related;
}
