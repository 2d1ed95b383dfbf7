import { describe, expect, it } from 'vitest';
import { editionLabel, groupEditions, pageLabel, printedAt } from '../../src/lib/archive/editions.ts';

const entry = (id: string, source?: { edition?: string; page?: string; order?: number }) => ({ id, data: { title: id, ...(source && { source }) } });

describe('the e-paper view', () => {
  it('names pages and editions as a newspaper prints them', () => {
    expect(pageLabel('05')).toBe('第5版');
    expect(pageLabel('12')).toBe('第12版');
    expect(pageLabel('要闻')).toBe('要闻版');
    expect(editionLabel('2025-06-20')).toBe('2025年6月20日');
    expect(printedAt({ edition: '2025-06-20', page: '05', order: 1 })).toBe('刊于2025年6月20日第5版');
    expect(printedAt({ page: '05' })).toBeUndefined();
  });

  it('groups by year, edition (newest first), page (in page order) and print order; others are left out', () => {
    const years = groupEditions([
      entry('b', { edition: '2025-06-20', page: '05', order: 2 }),
      entry('a', { edition: '2025-06-20', page: '05', order: 1 }),
      entry('c', { edition: '2025-06-20', page: '12', order: 1 }),
      entry('d', { edition: '2025-06-20', page: '2', order: 1 }),
      entry('e', { edition: '2025-06-21', page: '要闻', order: 1 }),
      entry('f', { edition: '2024-12-31', page: '01', order: 1 }),
      entry('g'),
      entry('h', { page: '03' }),
    ]);
    expect(years.map((year) => [year.year, year.count])).toEqual([[2025, 5], [2024, 1]]);
    expect(years[0]!.editions.map((edition) => edition.date)).toEqual(['2025-06-21', '2025-06-20']);
    const june20 = years[0]!.editions[1]!;
    expect(june20.pages.map((page) => [page.label, page.articles.map((article) => article.id)])).toEqual([
      ['第2版', ['d']],
      ['第5版', ['a', 'b']],
      ['第12版', ['c']],
    ]);
  });
});
