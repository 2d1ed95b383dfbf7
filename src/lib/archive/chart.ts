/**
 * Geometry of the archive chart: articles per month over the years, as bars. Computed at build time and
 * drawn as SVG by a component, so the chart costs readers no script.
 */

export interface MonthCount {
  year: number;
  month: number;
  count: number;
}

export interface ChartBar extends MonthCount {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ArchiveChart {
  width: number;
  height: number;
  /** Top of the plot area and the baseline, for axis lines. */
  plotTop: number;
  baseline: number;
  maxCount: number;
  bars: ChartBar[];
  /** Where each year starts, for labels under the axis. */
  years: { year: number; x: number }[];
}

const MARGIN = { top: 16, right: 8, bottom: 24, left: 36 };

/** Every month from the first to the last with articles, months without articles as zero. */
export function fillMonths(counts: readonly MonthCount[]): MonthCount[] {
  if (counts.length === 0) return [];
  const key = (c: { year: number; month: number }) => c.year * 12 + (c.month - 1);
  const byKey = new Map(counts.map((c) => [key(c), c.count]));
  const keys = [...byKey.keys()];
  const [first, last] = [Math.min(...keys), Math.max(...keys)];
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const k = first + i;
    return { year: Math.floor(k / 12), month: (k % 12) + 1, count: byKey.get(k) ?? 0 };
  });
}

export function archiveChart(counts: readonly MonthCount[], width = 720, height = 180): ArchiveChart {
  const months = fillMonths(counts);
  const maxCount = Math.max(1, ...months.map((m) => m.count));
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, months.length);
  const round = (n: number) => Math.round(n * 10) / 10;
  const bars = months.map((m, i) => {
    const barHeight = (m.count / maxCount) * plotHeight;
    return {
      ...m,
      x: round(MARGIN.left + i * slot + slot * 0.1),
      y: round(MARGIN.top + plotHeight - barHeight),
      width: round(Math.max(1, slot * 0.8)),
      height: round(barHeight),
    };
  });
  const years = months.flatMap((m, i) => (m.month === 1 || i === 0 ? [{ year: m.year, x: round(MARGIN.left + i * slot) }] : []));
  return { width, height, plotTop: MARGIN.top, baseline: MARGIN.top + plotHeight, maxCount, bars, years };
}
