/**
 * `npm run bench:growth`: runs the benchmark at several archive sizes (default 1,000, 5,000, 10,000, 20,000 and
 * 50,000 articles; `--runs 3` for medians) and draws docs/performance-growth.svg (build) and
 * docs/performance-search.svg (a reader's search) from the reports in .bench/. `--chart-only` redraws the
 * charts from existing reports; `--sizes 5000,10000` chooses the sizes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { growthChartSvg, searchChartSvg, type GrowthPoint, type SearchGrowthPoint } from './growth-chart.ts';

const CHART_FILE = 'docs/performance-growth.svg';
const SEARCH_CHART_FILE = 'docs/performance-search.svg';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000,20000,50000' },
    runs: { type: 'string', default: '1' },
    'chart-only': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);

if (!values['chart-only']) {
  for (const articles of sizes) {
    const result = spawnSync(process.execPath, ['bench/run.ts', '--articles', String(articles), '--runs', values.runs], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const reports = sizes
  .filter((articles) => existsSync(`.bench/report-${articles}.json`))
  .map((articles) => ({ articles, report: JSON.parse(readFileSync(`.bench/report-${articles}.json`, 'utf8')) }));
const points: GrowthPoint[] = reports.map(({ articles, report }) => {
    const { median } = report;
    return {
      articles,
      totalSeconds: median.totalSeconds,
      contentSeconds: median.contentSeconds,
      pagesSeconds: median.pagesSeconds,
      indexSeconds: median.indexSeconds,
      peakGigabytes: median.peakTreeBytes === undefined ? undefined : median.peakTreeBytes / 1024 ** 3,
    };
  });
if (points.length === 0) throw new Error('no reports in .bench/; run without --chart-only first');
writeFileSync(CHART_FILE, growthChartSvg(points));
console.log(`Wrote ${CHART_FILE} from ${points.map((point) => point.articles).join(', ')} articles.`);

const searchPoints: SearchGrowthPoint[] = reports
  .filter(({ report }) => report.search)
  .map(({ articles, report }) => ({
    articles,
    firstSearchKilobytes: report.search.firstSearchGzippedBytes.median / 1024,
    firstSearchMaxKilobytes: report.search.firstSearchGzippedBytes.max / 1024,
    warmMs: report.search.warmMs.median,
    warmP95Ms: report.search.warmMs.p95,
  }));
if (searchPoints.length) {
  writeFileSync(SEARCH_CHART_FILE, searchChartSvg(searchPoints));
  console.log(`Wrote ${SEARCH_CHART_FILE} from ${searchPoints.map((point) => point.articles).join(', ')} articles.`);
}
