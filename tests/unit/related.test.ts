import { describe, expect, it } from 'vitest';
import { newestFirst, type ArchiveEntry } from '../../src/lib/archive.ts';
import { relatedArticles } from '../../src/lib/related.ts';

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
