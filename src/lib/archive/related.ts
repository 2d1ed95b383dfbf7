/**
 * Related articles: those sharing people, tags or the column with an article, best first.
 * Computed for the whole archive at once from inverted indexes, so the cost follows the number of shared
 * keys rather than the square of the archive size.
 */
import type { ArchiveEntry } from './arrange.ts';

/** A shared named person says more about a story than a shared tag, and a tag more than the column. */
const WEIGHTS = { person: 3, tag: 2, column: 1 } as const;
/** A key on more articles than this (a tag like 安全生产 after ten years) is too broad to relate by. */
const MAX_KEY_ARTICLES = 400;

/**
 * For every article, up to `limit` related articles: highest score first, then newer, then by id (the
 * archive order), so the choice is the same in every build. Takes the archive newest first.
 *
 * Articles are numbered by their place in the archive and keys by first appearance, so the scoring loop
 * works on integer arrays: one score array for the whole archive, reset after each article.
 */
export function relatedArticles<T extends ArchiveEntry>(sorted: readonly T[], limit = 5): Map<string, T[]> {
  const keyIds = new Map<string, number>();
  const keyArticles: number[][] = [];
  const keyWeights: number[] = [];
  const columnIds = new Map<string, number>();
  const columnOf = new Int32Array(sorted.length);
  const columnArticles: number[][] = [];
  const placeInColumn = new Int32Array(sorted.length);
  const articleKeys: number[][] = [];
  const keyId = (key: string, weight: number) => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keyArticles.length;
      keyIds.set(key, id);
      keyArticles.push([]);
      keyWeights.push(weight);
    }
    return id;
  };
  sorted.forEach((entry, i) => {
    const keys = [
      ...new Set(entry.data.people.map((name) => keyId(`person:${name}`, WEIGHTS.person))),
      ...new Set(entry.data.tags.map((tag) => keyId(`tag:${tag}`, WEIGHTS.tag))),
    ];
    articleKeys.push(keys);
    for (const key of keys) keyArticles[key]!.push(i);
    let column = columnIds.get(entry.data.column);
    if (column === undefined) {
      column = columnArticles.length;
      columnIds.set(entry.data.column, column);
      columnArticles.push([]);
    }
    columnOf[i] = column;
    placeInColumn[i] = columnArticles[column]!.push(i) - 1;
  });

  const scores = new Int32Array(sorted.length);
  const touched: number[] = [];
  const related = new Map<string, T[]>();
  sorted.forEach((entry, self) => {
    touched.length = 0;
    for (const key of articleKeys[self]!) {
      const sharing = keyArticles[key]!;
      if (sharing.length > MAX_KEY_ARTICLES) continue;
      const weight = keyWeights[key]!;
      for (const other of sharing) {
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + weight;
      }
    }
    const column = columnOf[self]!;
    for (const other of touched) if (columnOf[other] === column) scores[other] = scores[other]! + WEIGHTS.column;
    // Too few shared keys: the column's nearest articles in time fill the list.
    const inColumn = columnArticles[column]!;
    const at = placeInColumn[self]!;
    for (let j = Math.max(0, at - limit); j <= Math.min(inColumn.length - 1, at + limit); j++) {
      const other = inColumn[j]!;
      if (other !== self && scores[other] === 0) {
        scores[other] = WEIGHTS.column;
        touched.push(other);
      }
    }
    // The best `limit`, kept in order: higher score first, then the earlier place in the archive.
    const best: number[] = [];
    for (const other of touched) {
      const score = scores[other]!;
      let place = best.length;
      while (place > 0) {
        const ahead = best[place - 1]!;
        if (scores[ahead]! > score || (scores[ahead] === score && ahead < other)) break;
        place -= 1;
      }
      if (place < limit) {
        best.splice(place, 0, other);
        if (best.length > limit) best.pop();
      }
    }
    related.set(entry.id, best.map((other) => sorted[other]!));
    for (const other of touched) scores[other] = 0;
  });
  return related;
}
