import { describe, expect, it } from 'vitest';
import { monthCalendar, yearCalendars } from '../../src/lib/archive/edition-calendar.ts';
import { groupEditions } from '../../src/lib/archive/editions.ts';

const days = (calendar: ReturnType<typeof monthCalendar>) => calendar.weeks.map((week) => week.map((cell) => (cell ? `${cell.day}${cell.edition ? '*' : ''}` : '.')).join(' '));

describe('往期: the edition calendar', () => {
  it('lays a month out from Monday, edition days marked', () => {
    // 1 May 2024 was a Wednesday; February 2024 had 29 days and began on a Thursday.
    expect(days(monthCalendar(2024, 5, new Set(['2024-05-20', '2024-05-31'])))).toEqual(['. . 1 2 3 4 5', '6 7 8 9 10 11 12', '13 14 15 16 17 18 19', '20* 21 22 23 24 25 26', '27 28 29 30 31* . .']);
    expect(days(monthCalendar(2024, 2, new Set())).at(-1)).toBe('26 27 28 29 . . .');
    expect(monthCalendar(2024, 5, new Set(['2024-05-20'])).label).toBe('2024年5月');
  });

  it('gives a year the months that have editions, in order', () => {
    const months = yearCalendars(2024, ['2024-11-02', '2024-05-20', '2024-05-21', '2023-12-30']);
    expect(months.map((month) => [month.month, month.editions])).toEqual([[5, 2], [11, 1]]);
  });
});

describe('an edition with printed pages', () => {
  const article = (id: string, page: string, order: number) => ({ id, data: { title: id, source: { edition: '2024-05-20', page, order } } });
  it('joins each printed page to the page its articles name (05 and 5 are one), and keeps a page with no published article', () => {
    const [year] = groupEditions([article('b', '5', 2), article('a', '05', 1)], [
      { date: '2024-05-20', page: '05', pdf: 'x' },
      { date: '2024-05-20', page: '06', pdf: 'y' },
    ]);
    const pages = year!.editions[0]!.pages;
    expect(pages.map((page) => [page.page, page.articles.map((a) => a.id), page.printed?.pdf])).toEqual([
      ['5', ['a', 'b'], 'x'],
      ['06', [], 'y'],
    ]);
  });
});
