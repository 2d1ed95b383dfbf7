/**
 * Publication dates. News in this archive is dated in China time (Asia/Shanghai, UTC+8 all year:
 * China has had no daylight saving since 1991), whatever time zone the build machine is in.
 */

export const NEWS_TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET = '+08:00';

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

export type DateParseResult = { ok: true; date: Date } | { ok: false; reason: string };

/**
 * Parses `2024-05-06`, `2024-05-06 09:30` or an ISO timestamp. A value without a zone is China time.
 * Impossible calendar dates (2024-13-40, 2023-02-29) are rejected instead of rolled over,
 * which is what JavaScript's Date and YAML's timestamp type silently do.
 */
export function parseNewsDate(text: string): DateParseResult {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) {
    return { ok: false, reason: `“${text}”不是日期，应写成 YYYY-MM-DD（例如 2024-05-06）` };
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone] = match;
  const y = Number(year), m = Number(month), d = Number(day);
  if (m < 1 || m > 12) {
    return { ok: false, reason: `日期“${text}”不存在：月份须在 01–12 之间` };
  }
  if (d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, reason: `日期“${text}”不存在：${y}年${m}月只有 ${daysInMonth(y, m)} 天` };
  }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return { ok: false, reason: `时间“${text}”不存在` };
  }
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone ?? SHANGHAI_OFFSET}`);
  return { ok: true, date };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: NEWS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Calendar day of an instant in China time. */
export function newsDay(date: Date): { year: number; month: number; day: number } {
  const parts = Object.fromEntries(partsFormatter.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/**
 * Intl formatting costs microseconds a call, and a build formats each article's date on every list that
 * shows it (its tags, people, column, day, month, related articles): formatted once per instant instead.
 */
function memoized(format: (date: Date) => string): (date: Date) => string {
  const cache = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let text = cache.get(time);
    if (text === undefined) {
      text = format(date);
      cache.set(time, text);
    }
    return text;
  };
}

/** `2024-05-06` in China time, for <time datetime> and URLs. */
export const isoDay: (date: Date) => string = memoized((date) => partsFormatter.format(date));

const chineseDateFormatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: NEWS_TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** `2024年5月6日`, the way a Chinese newspaper prints a date. */
export const formatChineseDate: (date: Date) => string = memoized((date) => chineseDateFormatter.format(date));

/** `2024年5月` for archive headings. */
export function formatChineseMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}

/** `2024年5月6日` for a calendar day given as numbers (a date query, an edition), no instant involved. */
export function formatChineseDay(year: number, month: number, day: number): string {
  return `${formatChineseMonth(year, month)}${day}日`;
}
