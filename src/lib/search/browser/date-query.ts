/**
 * Queries that are a date with its year: 2024年5月, 2024年5月6日, 2024-05, 2024-05-06, 2024.5.6, 2024/5/6.
 * News text writes 5月6日 (or 近日) without the year, so such a query would rarely match text; a reader who
 * types it means what was published then. The search page shows the articles of that day or month (a filter
 * of the index, `day`) and links its archive page, beside any text matches. A year alone (2024年) is a text
 * query: a year's articles are its archive page, and 2024年 is also common text.
 */
import { daysInMonth, formatChineseDay, formatChineseMonth } from '../../dates.ts';
import { toHalfWidth } from './match.ts';
import { twoDigits } from '../../urls.ts';

export interface DateQuery {
  year: number;
  month: number;
  /** Absent for a month. */
  day?: number;
}

const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?$/u;
const NUMERIC = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/u;
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2099;

/** The date a query is, if it is only a date with a year (full-width digits allowed); else undefined. */
export function parseDateQuery(raw: string): DateQuery | undefined {
  const text = toHalfWidth(raw).trim();
  const chinese = CHINESE.exec(text);
  const numeric = chinese ? undefined : NUMERIC.exec(text);
  const [year, month, day] = chinese ? [chinese[1], chinese[2], chinese[3]] : numeric ? [numeric[1], numeric[3], numeric[4]] : [];
  if (year === undefined || month === undefined) return undefined;
  const query: DateQuery = { year: Number(year), month: Number(month), ...(day === undefined ? {} : { day: Number(day) }) };
  if (query.year < EARLIEST_YEAR || query.year > LATEST_YEAR || query.month < 1 || query.month > 12) return undefined;
  if (query.day !== undefined && (query.day < 1 || query.day > daysInMonth(query.year, query.month))) return undefined;
  return query;
}

/** The ISO days (YYYY-MM-DD, the index's `day` filter) the query covers. */
export function dateQueryDays(query: DateQuery): string[] {
  const prefix = `${query.year}-${twoDigits(query.month)}-`;
  if (query.day !== undefined) return [`${prefix}${twoDigits(query.day)}`];
  return Array.from({ length: daysInMonth(query.year, query.month) }, (_, index) => `${prefix}${twoDigits(index + 1)}`);
}

/** The first and last ISO day of the query's period. */
export function dateQueryPeriod(query: DateQuery): { from: string; to: string } {
  const days = dateQueryDays(query);
  return { from: days[0]!, to: days[days.length - 1]! };
}

/** 2024年5月6日 or 2024年5月, as the page names the period. */
export function formatDateQuery(query: DateQuery): string {
  return query.day === undefined ? formatChineseMonth(query.year, query.month) : formatChineseDay(query.year, query.month, query.day);
}
