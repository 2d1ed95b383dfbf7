/**
 * Collection-wide views of the archive (newest-first order, neighbours, year/month groups, columns,
 * tags, people), computed once per build in one pass each: a page must never re-sort the whole archive.
 */
import type { BylineEntry } from '../article/bylines.ts';
import { newsDay } from '../dates.ts';
import { compareCodePoints } from '../order.ts';
import { nameKey } from '../urls.ts';

export interface ArchiveEntry {
  id: string;
  data: {
    title: string;
    date: Date;
    column: string;
    tags: readonly string[];
    byline: readonly BylineEntry[];
    people: readonly string[];
  };
}

/**
 * Newest first; articles of the same instant in code-point order of their ids, so every build on every machine
 * lists them identically (`localeCompare` would follow the build machine's default locale: under zh-CN
 * 安全… sorts before 中原…, under en-US after it).
 */
export function newestFirst<T extends ArchiveEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime() || compareCodePoints(a.id, b.id),
  );
}

export interface Neighbours<T> {
  /** The next article in time (newer), if any. */
  newer?: T;
  /** The previous article in time (older), if any. */
  older?: T;
}

/** Previous/next article for every article, from a newest-first list. */
export function neighbours<T extends ArchiveEntry>(sorted: readonly T[]): Map<string, Neighbours<T>> {
  return new Map(sorted.map((entry, index) => [entry.id, { newer: sorted[index - 1], older: sorted[index + 1] }]));
}

export interface DayGroup<T> {
  year: number;
  month: number;
  day: number;
  entries: T[];
}

export interface MonthGroup<T> {
  year: number;
  month: number;
  entries: T[];
  /** Days with articles, newest first. */
  days: DayGroup<T>[];
}

export interface YearGroup<T> {
  year: number;
  months: MonthGroup<T>[];
  count: number;
}

/** Year → month → day groups, newest first, from a newest-first list (order within a day is kept). */
export function groupByYearMonth<T extends ArchiveEntry>(sorted: readonly T[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const entry of sorted) {
    const { year, month, day } = newsDay(entry.data.date);
    let yearGroup = years.at(-1);
    if (yearGroup?.year !== year) {
      yearGroup = { year, months: [], count: 0 };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months.at(-1);
    if (monthGroup?.month !== month) {
      monthGroup = { year, month, entries: [], days: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.entries.push(entry);
    let dayGroup = monthGroup.days.at(-1);
    if (dayGroup?.day !== day) {
      dayGroup = { year, month, day, entries: [] };
      monthGroup.days.push(dayGroup);
    }
    dayGroup.entries.push(entry);
    yearGroup.count += 1;
  }
  return years;
}

/** Groups a newest-first list by keys (an article may have several), keeping the order inside each group. */
export function groupByKeys<T>(sorted: readonly T[], keysOf: (entry: T) => Iterable<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of sorted) {
    for (const key of new Set(keysOf(entry))) {
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
  }
  return groups;
}

export interface NameGroups<T> {
  /** Articles by the page key of a name (lib/urls.ts `nameKey`), newest first. */
  groups: Map<string, T[]>;
  /** The spelling shown for each key: the one most of its articles use (ties: code-point order). */
  names: Map<string, string>;
}

/**
 * Groups a newest-first list by tags or names that share a page: `5G`, `５Ｇ` and `5g` are one group, shown
 * as the spelling most articles use, so a reader finds every article under one heading and one URL.
 */
export function groupByName<T>(sorted: readonly T[], namesOf: (entry: T) => Iterable<string>): NameGroups<T> {
  const spellings = new Map<string, Map<string, number>>();
  const groups = groupByKeys(sorted, (entry) => {
    const keys: string[] = [];
    for (const name of new Set(namesOf(entry))) {
      const key = nameKey(name);
      keys.push(key);
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      spellings.set(key, counts);
    }
    return keys;
  });
  const names = new Map(
    [...spellings].map(([key, counts]) => [key, [...counts].sort(([a, m], [b, n]) => n - m || compareCodePoints(a, b))[0]![0]]),
  );
  return { groups, names };
}

/** Everyone named on an article: its byline and the officials in `people`. */
export function namesOf(entry: ArchiveEntry): string[] {
  return [...entry.data.byline.map((person) => person.name), ...entry.data.people];
}

const chineseCollator = new Intl.Collator('zh-CN');

/**
 * Largest groups first, then by name in Chinese (pinyin) collation, for tag and people indexes; names the
 * collator counts as equal (it ignores some differences) fall back to code points, so the order is total.
 * The locale is explicit: a default collator would follow the build machine's locale.
 */
export function bySizeThenName<T>(groups: Map<string, T[]>): { key: string; entries: T[] }[] {
  return [...groups]
    .map(([key, entries]) => ({ key, entries }))
    .sort((a, b) => b.entries.length - a.entries.length || chineseCollator.compare(a.key, b.key) || compareCodePoints(a.key, b.key));
}
