import { describe, expect, it } from 'vitest';
import { bySizeThenName, groupByKeys, groupByYearMonth, namesOf, neighbours, newestFirst, type ArchiveEntry } from '../../src/lib/archive.ts';

function entry(id: string, isoDate: string, extra: Partial<ArchiveEntry['data']> = {}): ArchiveEntry {
  return { id, data: { title: id, date: new Date(isoDate), column: '时政要闻', tags: [], byline: [], people: [], ...extra } };
}

const entries = [
  entry('b', '2024-05-05T16:00:00Z'),
  entry('a', '2024-05-05T16:00:00Z'),
  entry('old', '2023-12-31T15:30:00Z'), // 2023-12-31 23:30 in China
  entry('new', '2024-05-31T17:00:00Z'), // already 2024-06-01 in China
];

describe('archive', () => {
  it('sorts newest first and breaks ties by id, so builds are repeatable', () => {
    expect(newestFirst(entries).map((e) => e.id)).toEqual(['new', 'a', 'b', 'old']);
    expect(newestFirst([...entries].reverse()).map((e) => e.id)).toEqual(['new', 'a', 'b', 'old']);
  });

  it('links each article to its newer and older neighbour', () => {
    const links = neighbours(newestFirst(entries));
    expect(links.get('new')).toEqual({ newer: undefined, older: expect.objectContaining({ id: 'a' }) });
    expect(links.get('old')?.older).toBeUndefined();
    expect(links.get('a')?.newer?.id).toBe('new');
  });

  it('groups by year and month of the China calendar', () => {
    const years = groupByYearMonth(newestFirst(entries));
    expect(years.map((year) => [year.year, year.count, year.months.map((month) => [month.month, month.entries.map((e) => e.id)])])).toEqual([
      [2024, 3, [[6, ['new']], [5, ['a', 'b']]]],
      [2023, 1, [[12, ['old']]]],
    ]);
  });

  it('groups by several keys per article, counting an article once per key', () => {
    const tagged = [entry('x', '2024-01-01', { tags: ['燃气', '安全', '燃气'] }), entry('y', '2024-01-02', { tags: ['安全'] })];
    const groups = groupByKeys(tagged, (e) => e.data.tags);
    expect([...groups].map(([tag, list]) => [tag, list.map((e) => e.id)])).toEqual([
      ['燃气', ['x']],
      ['安全', ['x', 'y']],
    ]);
    expect(bySizeThenName(groups).map((group) => group.key)).toEqual(['安全', '燃气']);
  });

  it('names byline people and officials', () => {
    expect(namesOf(entry('z', '2024-01-01', { byline: [{ role: '记者', name: '唐善普' }], people: ['李晓雷'] }))).toEqual(['唐善普', '李晓雷']);
  });
});
