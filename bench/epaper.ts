/**
 * `npm run bench:epaper`: what the e-paper's printed pages cost. N page PDFs (default 100; 8 pages an edition
 * day) are typeset by Chromium from the real seed page's three articles (tests/helpers/typeset-page.ts: an A3
 * page, one article in three columns, two in two) and imported with `npm run import -- … --pdf`, each timed.
 * Then three builds: the same archive cold without its editions directory, cold with it (every page rasterised),
 * and, after one more page is imported, a publish build that keeps the cache (only the new page rasterised).
 * The e-paper's cost per page is the difference of the two cold builds over N; it is stated for 1,000 and
 * 29,000 pages (a daily paper of 8 pages for ten years) in time and in bytes of _epaper/. Writes
 * .bench/epaper-<N>.json.
 *
 *   npm run bench:epaper -- --pages 100
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build/build-site.ts';
import { parsePrintEdition } from '../src/lib/article/print-edition.ts';
import { siteEnv, ZHONGYUAN } from '../tests/fixtures/sites.ts';
import { typesetPage, type TypesetArticle } from '../tests/helpers/typeset-page.ts';
import { median, percentile } from './run.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '100' }, keep: { type: 'boolean', default: false } } });
const pages = Number(values.pages);
if (!Number.isInteger(pages) || pages < 1) throw new Error(`--pages must be a positive whole number, got ${values.pages}`);

const PAGES_PER_EDITION = 8;
const FIRST_EDITION = Date.UTC(2024, 4, 7);
const SEED = readFileSync('tests/fixtures/seed-print-page.txt', 'utf8');
const BUILD_TIME = '2025-01-01T00:00:00Z';

const work = mkdtempSync(join(tmpdir(), 'bench-epaper-'));
const articlesDir = join(work, 'articles');
mkdirSync(articlesDir);
const env = (name: string) => ({ ...process.env, ...siteEnv(ZHONGYUAN, articlesDir), OUT_DIR: join(work, name, 'dist'), ASTRO_CACHE_DIR: join(work, name, 'cache'), BUILD_TIME, FORCE_COLOR: '0' });

/** The n-th page (from 0): its edition date and 版次. */
function place(n: number): { date: string; page: string } {
  const day = new Date(FIRST_EDITION + Math.floor(n / PAGES_PER_EDITION) * 86_400_000).toISOString().slice(0, 10);
  return { date: day, page: String((n % PAGES_PER_EDITION) + 1) };
}

/** The seed page's text with each headline made the page's own (its start, which names the file: every article has a file of its own). */
function pageText(date: string, page: string): string {
  const parsed = parsePrintEdition(SEED, date);
  if (!parsed.ok) throw new Error('the seed page does not parse');
  const lines = SEED.split('\n');
  for (const article of parsed.articles) lines[article.line - 1] = `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日第${page}版 ${lines[article.line - 1]}`;
  return lines.join('\n');
}

async function importPage(n: number): Promise<number> {
  const { date, page } = place(n);
  const text = pageText(date, page);
  const parsed = parsePrintEdition(text, date);
  if (!parsed.ok) throw new Error('a page text does not parse');
  const articles: TypesetArticle[] = parsed.articles.map((article, index) => ({ id: `a${index}`, title: article.title, paragraphs: article.paragraphs, area: ['a', 'b', 'c'][index]!, columns: index === 0 ? 3 : 2 }));
  const typeset = await typesetPage(articles, { header: ['中原新闻', `第${page}版`, date], grid: { areas: ['a a', 'b c'], columns: '1fr 1fr' } });
  const textFile = join(work, 'page.txt');
  const pdfFile = join(work, 'page.pdf');
  writeFileSync(textFile, text);
  writeFileSync(pdfFile, typeset.pdf);
  const started = performance.now();
  const output = execFileSync(process.execPath, ['src/cli/import.ts', textFile, '--date', date, '--page', page, '--pdf', pdfFile, '--out', articlesDir], { encoding: 'utf8', env: env('import') });
  const seconds = (performance.now() - started) / 1000;
  if (output.includes('未能在版面上找到')) throw new Error(`page ${date} 第${page}版: an article was not located\n${output}`);
  return seconds;
}

async function build(name: string): Promise<{ seconds: number; rendered: number; log: string }> {
  const started = performance.now();
  const result = await buildSite({ env: env(name) });
  if (!result.ok) throw new Error(`the build failed (exit code ${result.status}):\n${result.output.slice(-4000)}`);
  const log = result.output.replace(/\u001b\[[0-9;]*m/g, '');
  return { seconds: (performance.now() - started) / 1000, rendered: Number(/新绘制 (\d+) 个版面图/.exec(log)?.[1] ?? 0), log };
}

const bytesOf = (dir: string) => readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);

const importSeconds: number[] = [];
for (let n = 0; n < pages; n++) {
  importSeconds.push(await importPage(n));
  if ((n + 1) % 10 === 0) console.log(`imported ${n + 1} of ${pages} pages (median ${median(importSeconds).toFixed(2)} s each)`);
}
const editionsDir = join(work, 'editions');
renameSync(editionsDir, `${editionsDir}.off`);
const without = await build('without');
renameSync(`${editionsDir}.off`, editionsDir);
const cold = await build('with');
if (cold.rendered !== pages) throw new Error(`the cold build rasterised ${cold.rendered} pages, not ${pages}`);
const epaperBytes = bytesOf(join(work, 'with', 'dist', '_epaper'));
importSeconds.push(await importPage(pages));
const publish = await build('with');
if (publish.rendered !== 1) throw new Error(`the publish build rasterised ${publish.rendered} pages, not 1`);

const perPage = (cold.seconds - without.seconds) / pages;
const perPageBytes = epaperBytes / pages;
const report = {
  pages,
  machine: { cpus: (await import('node:os')).cpus().length },
  importSeconds: { median: median(importSeconds), p95: percentile(importSeconds, 95) },
  coldWithoutEditions: without.seconds,
  coldWithEditions: cold.seconds,
  epaperSecondsPerPage: perPage,
  epaperBytes,
  epaperBytesPerPage: perPageBytes,
  publishOnePageSeconds: publish.seconds,
  stated: Object.fromEntries([1000, 29000].map((count) => [count, { firstBuildHours: (perPage * count) / 3600, distGigabytes: (perPageBytes * count) / 1e9 }])),
};
mkdirSync('.bench', { recursive: true });
writeFileSync(`.bench/epaper-${pages}.json`, JSON.stringify(report, null, 2));
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
console.log(`
| ${pages} printed pages (${PAGES_PER_EDITION} per edition) | |
| --- | --- |
| import of one page (text + PDF, located) | median ${report.importSeconds.median.toFixed(2)} s, p95 ${report.importSeconds.p95.toFixed(2)} s |
| cold build without / with the pages | ${without.seconds.toFixed(1)} s / ${cold.seconds.toFixed(1)} s |
| the e-paper per page (rasterised, files, 版 pages) | ${perPage.toFixed(2)} s, ${(perPageBytes / 1e6).toFixed(2)} MB of _epaper/ |
| publish build with one new page (cache kept) | ${publish.seconds.toFixed(1)} s, 1 page rasterised |
| 1,000 pages, first build | ${(report.stated[1000]!.firstBuildHours * 60).toFixed(0)} min, ${gb(perPageBytes * 1000)} |
| 29,000 pages (ten years of 8 pages a day), first build | ${report.stated[29000]!.firstBuildHours.toFixed(1)} h, ${gb(perPageBytes * 29000)} |
`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
