import { describe, expect, it } from 'vitest';
import { formatChineseDate, isoDay, newsDay, parseNewsDate } from '../../src/lib/dates.ts';

function date(text: string): Date {
  const parsed = parseNewsDate(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.date;
}

describe('parseNewsDate', () => {
  it('reads a plain date as midnight in China time', () => {
    expect(date('2024-05-06').toISOString()).toBe('2024-05-05T16:00:00.000Z');
  });

  it('reads a time without zone as China time and honours an explicit zone', () => {
    expect(date('2024-05-06 09:30').toISOString()).toBe('2024-05-06T01:30:00.000Z');
    expect(date('2024-05-06T09:30:00Z').toISOString()).toBe('2024-05-06T09:30:00.000Z');
  });

  it.each(['2024-13-40', '2024-02-30', '2023-02-29', '2024-00-10', '2024-04-31', '2024-05-06 24:00', '20240506', '2024/05/06', ''])(
    'rejects %s instead of rolling it over',
    (text) => {
      expect(parseNewsDate(text).ok).toBe(false);
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(parseNewsDate('2024-02-29').ok).toBe(true);
  });
});

describe('formatting in China time', () => {
  it('prints dates as a Chinese newspaper does', () => {
    expect(formatChineseDate(date('2024-05-06'))).toBe('2024年5月6日');
  });

  it('uses the China calendar day even when UTC is still on the previous day', () => {
    const lateUtc = new Date('2024-05-31T17:00:00Z');
    expect(isoDay(lateUtc)).toBe('2024-06-01');
    expect(newsDay(lateUtc)).toEqual({ year: 2024, month: 6, day: 1 });
    expect(formatChineseDate(lateUtc)).toBe('2024年6月1日');
  });
});
