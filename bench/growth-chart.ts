/**
 * The growth charts of docs/performance.md, against the number of articles, as plain SVG that GitHub and any
 * browser show as is: build time (total, content sync, page rendering, search index) and peak memory; and what
 * a reader's search costs (bytes of a first search, time of a warm one).
 */

export interface GrowthPoint {
  articles: number;
  totalSeconds: number;
  contentSeconds?: number;
  pagesSeconds?: number;
  indexSeconds?: number;
  peakGigabytes?: number;
}

const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { top: 30, right: 70, bottom: 50, left: 60 };

export interface SearchGrowthPoint {
  articles: number;
  firstSearchKilobytes: number;
  firstSearchMaxKilobytes: number;
  warmMs: number;
  warmP95Ms: number;
}

interface Series<Point> {
  key: Exclude<keyof Point, 'articles'>;
  label: string;
  color: string;
  /** The left axis, or the right one (drawn dashed). */
  axis: 'left' | 'right';
}

const GROWTH_SERIES: Series<GrowthPoint>[] = [
  { key: 'totalSeconds', label: '总构建时间', color: '#1f4e99', axis: 'left' },
  { key: 'pagesSeconds', label: '页面渲染', color: '#2e7d32', axis: 'left' },
  { key: 'indexSeconds', label: '搜索索引（与渲染并行）', color: '#c62828', axis: 'left' },
  { key: 'contentSeconds', label: '内容同步', color: '#8d6e63', axis: 'left' },
  { key: 'peakGigabytes', label: '内存峰值（GiB，右轴）', color: '#6a1b9a', axis: 'right' },
];

const SEARCH_SERIES: Series<SearchGrowthPoint>[] = [
  { key: 'firstSearchKilobytes', label: '首次搜索传输量（中位数，KB）', color: '#1f4e99', axis: 'left' },
  { key: 'firstSearchMaxKilobytes', label: '首次搜索传输量（最大，KB）', color: '#8d6e63', axis: 'left' },
  { key: 'warmMs', label: '再次搜索耗时（中位数，毫秒，右轴）', color: '#c62828', axis: 'right' },
  { key: 'warmP95Ms', label: '再次搜索耗时（p95，毫秒，右轴）', color: '#6a1b9a', axis: 'right' },
];

/** Rounds an axis maximum up to 1, 2 or 5 times a power of ten. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value)!;
}

export function growthChartSvg(points: readonly GrowthPoint[]): string {
  return lineChartSvg(points, GROWTH_SERIES, { left: 's', right: 'GiB' });
}

export function searchChartSvg(points: readonly SearchGrowthPoint[]): string {
  return lineChartSvg(points, SEARCH_SERIES, { left: 'KB', right: 'ms' });
}

function lineChartSvg<Point extends { articles: number }>(points: readonly Point[], series: readonly Series<Point>[], units: { left: string; right: string }): string {
  const sorted = [...points].sort((a, b) => a.articles - b.articles);
  const value = (point: Point, key: Series<Point>['key']) => point[key] as number | undefined;
  const axisMaximum = (axis: 'left' | 'right') =>
    niceMaximum(Math.max(0, ...series.filter((line) => line.axis === axis).flatMap((line) => sorted.map((point) => value(point, line.key) ?? 0))));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxArticles = niceMaximum(Math.max(...sorted.map((point) => point.articles)));
  const maxLeft = axisMaximum('left');
  const maxRight = axisMaximum('right');
  const x = (articles: number) => MARGIN.left + (articles / maxArticles) * plotWidth;
  const y = (value: number, max: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1];

  const grid = ticks.map((tick) => {
    const top = y(tick * maxLeft, maxLeft);
    return [
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${top}" y2="${top}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 8}" y="${top + 4}" text-anchor="end">${round(tick * maxLeft)} ${units.left}</text>`,
      `<text x="${MARGIN.left + plotWidth + 8}" y="${top + 4}">${round(tick * maxRight)} ${units.right}</text>`,
      `<text x="${x(tick * maxArticles)}" y="${MARGIN.top + plotHeight + 20}" text-anchor="middle">${round(tick * maxArticles).toLocaleString('en-US')}</text>`,
    ].join('');
  });

  const lines = series.map((line, index) => {
    const known = sorted.filter((point) => value(point, line.key) !== undefined);
    const max = line.axis === 'right' ? maxRight : maxLeft;
    const coordinates = known.map((point) => `${round(x(point.articles))},${round(y(value(point, line.key)!, max))}`);
    const dash = line.axis === 'right' ? ' stroke-dasharray="6 4"' : '';
    const legendY = MARGIN.top + 4 + index * 18;
    return [
      `<polyline fill="none" stroke="${line.color}" stroke-width="2"${dash} points="${coordinates.join(' ')}"/>`,
      ...coordinates.map((point) => `<circle cx="${point.split(',')[0]}" cy="${point.split(',')[1]}" r="3" fill="${line.color}"/>`),
      `<rect x="${MARGIN.left + 12}" y="${legendY - 9}" width="14" height="3" fill="${line.color}"/>`,
      `<text x="${MARGIN.left + 32}" y="${legendY - 4}">${line.label}</text>`,
    ].join('');
  });

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" font-size="12" fill="#222">
<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>
${grid.join('\n')}
<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#888"/>
<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#888"/>
<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">文章数</text>
${lines.join('\n')}
</svg>
`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
