/**
 * The growth chart of docs/performance.md: build time (total, content sync, page rendering, search index) and
 * peak memory against the number of articles, as a plain SVG that GitHub and any browser show as is.
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

const SERIES = [
  { key: 'totalSeconds', label: '总构建时间', color: '#1f4e99', axis: 'time' },
  { key: 'pagesSeconds', label: '页面渲染', color: '#2e7d32', axis: 'time' },
  { key: 'indexSeconds', label: '搜索索引（与渲染并行）', color: '#c62828', axis: 'time' },
  { key: 'contentSeconds', label: '内容同步', color: '#8d6e63', axis: 'time' },
  { key: 'peakGigabytes', label: '内存峰值（GiB，右轴）', color: '#6a1b9a', axis: 'memory' },
] as const;

/** Rounds an axis maximum up to 1, 2 or 5 times a power of ten. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value)!;
}

export function growthChartSvg(points: readonly GrowthPoint[]): string {
  const sorted = [...points].sort((a, b) => a.articles - b.articles);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxArticles = niceMaximum(Math.max(...sorted.map((point) => point.articles)));
  const maxSeconds = niceMaximum(Math.max(...sorted.map((point) => point.totalSeconds)));
  const maxGigabytes = niceMaximum(Math.max(...sorted.map((point) => point.peakGigabytes ?? 0)));
  const x = (articles: number) => MARGIN.left + (articles / maxArticles) * plotWidth;
  const y = (value: number, max: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1];

  const grid = ticks.map((tick) => {
    const top = y(tick * maxSeconds, maxSeconds);
    return [
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${top}" y2="${top}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 8}" y="${top + 4}" text-anchor="end">${round(tick * maxSeconds)} s</text>`,
      `<text x="${MARGIN.left + plotWidth + 8}" y="${top + 4}">${round(tick * maxGigabytes)} GiB</text>`,
      `<text x="${x(tick * maxArticles)}" y="${MARGIN.top + plotHeight + 20}" text-anchor="middle">${round(tick * maxArticles).toLocaleString('en-US')}</text>`,
    ].join('');
  });

  const lines = SERIES.map((series, index) => {
    const known = sorted.filter((point) => point[series.key] !== undefined);
    const max = series.axis === 'memory' ? maxGigabytes : maxSeconds;
    const coordinates = known.map((point) => `${round(x(point.articles))},${round(y(point[series.key]!, max))}`);
    const dash = series.axis === 'memory' ? ' stroke-dasharray="6 4"' : '';
    const legendY = MARGIN.top + 4 + index * 18;
    return [
      `<polyline fill="none" stroke="${series.color}" stroke-width="2"${dash} points="${coordinates.join(' ')}"/>`,
      ...coordinates.map((point) => `<circle cx="${point.split(',')[0]}" cy="${point.split(',')[1]}" r="3" fill="${series.color}"/>`),
      `<rect x="${MARGIN.left + 12}" y="${legendY - 9}" width="14" height="3" fill="${series.color}"/>`,
      `<text x="${MARGIN.left + 32}" y="${legendY - 4}">${series.label}</text>`,
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
