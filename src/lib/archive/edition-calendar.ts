/**
 * 往期: an edition calendar per month, as Chinese 数字报 show their back issues — weeks from Monday (GB/T 7408),
 * each day a link when an edition was printed on it. Plain calendar arithmetic on YYYY-MM-DD, no time zone.
 */
import { daysInMonth, formatChineseMonth } from '../dates.ts';
import { twoDigits } from '../urls.ts';

export interface CalendarDay {
  day: number;
  /** YYYY-MM-DD. */
  date: string;
  /** Whether an edition was printed that day. */
  edition: boolean;
}

export interface CalendarMonth {
  year: number;
  month: number;
  /** 2024年5月. */
  label: string;
  /** Monday to Sunday; null before the first and after the last day. */
  weeks: (CalendarDay | null)[][];
  editions: number;
}

export const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** The calendar of one month, its edition days marked. */
export function monthCalendar(year: number, month: number, editionDates: ReadonlySet<string>): CalendarMonth {
  const days = daysInMonth(year, month);
  // getUTCDay: 0 is Sunday; Monday first.
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= days; day++) {
    const date = `${year}-${twoDigits(month)}-${twoDigits(day)}`;
    cells.push({ day, date, edition: editionDates.has(date) });
  }
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  return { year, month, label: formatChineseMonth(year, month), weeks, editions: cells.filter((cell) => cell?.edition).length };
}

/** The calendars of a year's months that have editions, January first. */
export function yearCalendars(year: number, editionDates: readonly string[]): CalendarMonth[] {
  const dates = new Set(editionDates.filter((date) => date.startsWith(`${year}-`)));
  const months = [...new Set([...dates].map((date) => Number(date.slice(5, 7))))].sort((a, b) => a - b);
  return months.map((month) => monthCalendar(year, month, dates));
}

/** The fragment of a month's calendar on its year's page: #m05. */
export const monthAnchor = (month: number) => `m${twoDigits(month)}`;
