import { describe, expect, it } from 'vitest';
import { newestFirst, type ArchiveEntry } from '../../src/lib/archive/arrange.ts';
import { relatedArticles } from '../../src/lib/archive/related.ts';

function entry(id: string, day: number, data: Partial<ArchiveEntry['data']> = {}): ArchiveEntry {
  return { id, data: { title: id, date: new Date(Date.UTC(2024, 4, day)), column: '时政要闻', tags: [], byline: [], people: [], ...data } };
}

describe('relatedArticles', () => {
  const archive = newestFirst([
    entry('subject', 10, { people: ['李晓雷'], tags: ['安全生产', '燃气'], column: '安全应急' }),
    entry('same-person', 1, { people: ['李晓雷'], column: '时政要闻' }),
    entry('two-tags', 2, { tags: ['安全生产', '燃气'], column: '经济产业' }),
    entry('one-tag-same-column', 3, { tags: ['燃气'], column: '安全应急' }),
    entry('one-tag', 4, { tags: ['安全生产'], column: '文化旅游' }),
    entry('column-only', 5, { column: '安全应急' }),
    entry('unrelated', 6, { column: '文化旅游' }),
  ]);
  const related = relatedArticles(archive, 5);

  it('ranks by shared people, then tags, then column, and never lists the article itself', () => {
    // two tags (4) > one tag + column (3) = person (3, older) > one tag (2) > column only (1)
    expect(related.get('subject')?.map((e) => e.id)).toEqual(['two-tags', 'one-tag-same-column', 'same-person', 'one-tag', 'column-only']);
  });

  it('is deterministic whatever order the archive arrives in', () => {
    const shuffled = relatedArticles(newestFirst([...archive].reverse()), 5);
    expect([...shuffled].map(([id, list]) => [id, list.map((e) => e.id)])).toEqual([...related].map(([id, list]) => [id, list.map((e) => e.id)]));
  });

  it('fills from the column when nothing is shared, and respects the limit', () => {
    expect(related.get('unrelated')?.map((e) => e.id)).toEqual(['one-tag']);
    expect(relatedArticles(archive, 2).get('subject')).toHaveLength(2);
  });
});

/**
 * The definition, written the obvious way (every pair scored, the whole list sorted): the fast version must
 * choose exactly the same articles in the same order.
 */
function relatedByDefinition(sorted: readonly ArchiveEntry[], limit: number, maxKeyArticles: number): Map<string, string[]> {
  const keysOf = (e: ArchiveEntry) => [...new Set(e.data.people.map((p) => `person:${p}`)), ...new Set(e.data.tags.map((t) => `tag:${t}`))];
  const counts = new Map<string, number>();
  for (const e of sorted) for (const key of keysOf(e)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const inColumn = (column: string) => sorted.map((e, i) => [e, i] as const).filter(([e]) => e.data.column === column).map(([, i]) => i);
  return new Map(
    sorted.map((entry, self) => {
      const scores = new Map<number, number>();
      sorted.forEach((other, i) => {
        if (i === self) return;
        let score = 0;
        const theirs = new Set(keysOf(other));
        for (const key of keysOf(entry)) {
          if (theirs.has(key) && counts.get(key)! <= maxKeyArticles) score += key.startsWith('person:') ? 3 : 2;
        }
        if (score > 0) scores.set(i, score + (other.data.column === entry.data.column ? 1 : 0));
      });
      const column = inColumn(entry.data.column);
      const at = column.indexOf(self);
      for (const i of column.slice(Math.max(0, at - limit), at + limit + 1)) if (i !== self && !scores.has(i)) scores.set(i, 1);
      const best = [...scores].sort(([a, x], [b, y]) => y - x || a - b).slice(0, limit);
      return [entry.id, best.map(([i]) => sorted[i]!.id)];
    }),
  );
}

describe('relatedArticles against its definition', () => {
  it('chooses the same articles in the same order on a random archive of 600 articles', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(list: readonly T[], n: number) => Array.from({ length: Math.floor(random() * (n + 1)) }, () => list[Math.floor(random() * list.length)]!);
    const people = Array.from({ length: 40 }, (_, i) => `人物${i}`);
    const tags = Array.from({ length: 30 }, (_, i) => `标签${i}`);
    const columns = ['时政要闻', '经济产业', '安全应急', '城市建设'];
    const archive = newestFirst(
      Array.from({ length: 600 }, (_, i) =>
        entry(`a${i}`, 1 + Math.floor(random() * 28), { people: pick(people, 3), tags: pick(tags, 4), column: columns[Math.floor(random() * columns.length)]! }),
      ),
    );
    const fast = relatedArticles(archive, 5);
    // 400 is the module's cut-off for too-broad keys; no key here reaches it, so every shared key counts.
    const expected = relatedByDefinition(archive, 5, 400);
    expect(new Map([...fast].map(([id, list]) => [id, list.map((e) => e.id)]))).toEqual(expected);
  });
});
