import { describe, expect, test } from 'vitest';
import { dateQueryDays, dateQueryPeriod, formatDateQuery, parseDateQuery } from '../../src/lib/search/browser/date-query.ts';

describe('parseDateQuery', () => {
  test.each([
    ['2024年5月', { year: 2024, month: 5 }],
    ['2024年05月', { year: 2024, month: 5 }],
    ['2024年5月6日', { year: 2024, month: 5, day: 6 }],
    ['2024年5月6号', { year: 2024, month: 5, day: 6 }],
    [' 2024 年 5 月 6 日 ', { year: 2024, month: 5, day: 6 }],
    ['２０２４年５月６日', { year: 2024, month: 5, day: 6 }],
    ['2024-05', { year: 2024, month: 5 }],
    ['2024-05-06', { year: 2024, month: 5, day: 6 }],
    ['2024-5-6', { year: 2024, month: 5, day: 6 }],
    ['2024.5.6', { year: 2024, month: 5, day: 6 }],
    ['2024/5/6', { year: 2024, month: 5, day: 6 }],
    ['2024.5', { year: 2024, month: 5 }],
  ])('%s is a date', (query, expected) => {
    expect(parseDateQuery(query)).toEqual(expected);
  });

  test.each([
    ['2024年', 'a year alone is text'],
    ['5月6日', 'no year'],
    ['2024年5月6日 燃气', 'a date and a word'],
    ['2024年13月', 'no such month'],
    ['2023年2月29日', 'no such day'],
    ['2024-05/06', 'mixed separators'],
    ['1850年5月', 'out of range'],
    ['2024年5月6日上午', 'more than a date'],
    ['20240506', 'digits only'],
  ])('%s is not a date (%s)', (query) => {
    expect(parseDateQuery(query)).toBeUndefined();
  });

  test('2024年2月29日 exists', () => {
    expect(parseDateQuery('2024年2月29日')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('days and names', () => {
  test('a month covers each of its days', () => {
    const days = dateQueryDays({ year: 2024, month: 2 });
    expect(days).toHaveLength(29);
    expect(days[0]).toBe('2024-02-01');
    expect(days.at(-1)).toBe('2024-02-29');
    expect(dateQueryPeriod({ year: 2024, month: 5 })).toEqual({ from: '2024-05-01', to: '2024-05-31' });
  });

  test('a day is one day', () => {
    expect(dateQueryDays({ year: 2024, month: 5, day: 6 })).toEqual(['2024-05-06']);
    expect(formatDateQuery({ year: 2024, month: 5, day: 6 })).toBe('2024年5月6日');
    expect(formatDateQuery({ year: 2024, month: 5 })).toBe('2024年5月');
  });
});
