/**
 * `npm run eval:plain-pagefind`: how plain Pagefind, with its defaults, does on the search-quality evaluation:
 * the same articles (the corpus site of `npm run build:corpus`, .eval/dist) and the same queries
 * (tests/fixtures/search-queries.json, whatever kinds it holds), scored by the same measures
 * (tests/corpus/metrics.ts: recall@5 and MRR per kind). It is the baseline the project's own search is compared
 * with in docs/search.md; a comparison, not a gate: it exits non-zero only when it cannot measure.
 *
 *   npm run eval:plain-pagefind                  # the article pages only, as the project's index holds
 *   npm run eval:plain-pagefind -- --all-pages   # every page of the site, as `npx pagefind --site` would
 *
 * What "plain" means here:
 * - the built HTML is indexed by the pinned Pagefind (its Node API, `createIndex({})`, `addDirectory`) with no
 *   options, into a temporary directory; the project's index (.eval/dist/pagefind) is neither read nor touched;
 * - the article pages have no `data-pagefind-body` (nor any other data-pagefind attribute: the project indexes
 *   custom records, not the HTML), so Pagefind indexes each page's whole <body> less the elements it always
 *   drops (<nav>, <footer>, <form>, <script>, <svg>…). Checked on an article page of .eval/dist: it keeps the
 *   skip link, the site name and the reading controls (A− A A+ 深色), the article's header (headline, subtitle,
 *   date, column, byline, the print-only 本文网址 line), the body, and the 相关报道 section: five OTHER articles'
 *   headlines, subtitles, dates and columns. It drops the column menu, breadcrumbs and previous/next links
 *   (<nav>), the search form, and, being in <footer class="article__footer">, the article's tags and 报道人物;
 *   the title of a result is the <h1>. Its CJK words are the segmenter's (ICU4X), not the project's lexicon;
 * - by default only the pages under articles/ are indexed, the pages the project's index holds. With --all-pages the
 *   front page, column, tag, people, archive and search pages compete too (they repeat headlines and summaries),
 *   their results count as misses, and must-find-nothing queries can fail on them;
 * - in Chromium, on a page of the site, `pagefind.search(query)` with the query as typed (no 繁→简, no
 *   full-width→half-width, no same-pinyin word, no date reading, no reading on in steps), results in Pagefind's
 *   order; the URLs of the first 10 are read (so a first hit below 10 counts as none for MRR) and
 *   /articles/<id>/ becomes the id <id>, as in tests/corpus/quality.spec.ts. For a must-find-nothing query any
 *   result is a failure, the metric's own rule.
 *
 * Writes test-results/plain-pagefind.md (the table and the imperfect queries) and test-results/plain-pagefind.json
 * (per query: the ids, the number of results, recall@5 and reciprocal rank); plain-pagefind-all-pages.* with
 * --all-pages. Builds the corpus site first when
 * .eval/dist is missing; otherwise uses it as it is (a copy, so that a rebuild meanwhile does not disturb the run).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import * as pagefind from 'pagefind';
import { markdownTable, reciprocalRank, recallAt5, summarize, type EvalQuery, type QueryOutcome } from '../tests/corpus/metrics.ts';

const SITE_DIR = resolve('.eval/dist');
const QUERIES_FILE = 'tests/fixtures/search-queries.json';
const RESULTS_DIR = 'test-results';
const INDEX_PATH = '/pagefind-plain/';
/** How many results' data are read per query: enough for recall@5 and for MRR in practice. */
const READ_RESULTS = 10;
const PAGEFIND_VERSION = (JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string }).version;

const { values } = parseArgs({ options: { 'all-pages': { type: 'boolean', default: false } } });
const glob = values['all-pages'] ? '**/*.html' : 'articles/**/*.html';
const REPORT = `${RESULTS_DIR}/plain-pagefind${values['all-pages'] ? '-all-pages' : ''}`;

interface PlainOutcome extends QueryOutcome {
  /** How many results Pagefind returned in all (only the first READ_RESULTS are in `results`). */
  total: number;
  recallAt5: number;
  reciprocalRank: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

/** A static server on 127.0.0.1: the site from `siteDir`, and INDEX_PATH from `indexDir`. */
async function serve(siteDir: string, indexDir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const [root, rest] = path.startsWith(INDEX_PATH) ? [indexDir, path.slice(INDEX_PATH.length)] : [siteDir, path];
    let file = normalize(join(root, rest));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the static server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** Indexes `siteDir` with plain Pagefind (no options) into `outputPath`; returns the number of pages indexed. */
async function indexPlain(siteDir: string, outputPath: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, glob });
    if (added.errors.length) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** /articles/<id>/ → <id>, as quality.spec.ts maps the links it shows; other pages keep their path. */
function articleId(url: string): string {
  const path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  return path.startsWith('/articles/') ? path.replace(/^\/articles\/|\/$/g, '') : path;
}

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'plain-pagefind-'));
let browser: Browser | undefined;
let server: Server | undefined;
try {
  if (!existsSync(SITE_DIR)) {
    console.log('.eval/dist is missing: building the corpus site (npm run build:corpus)…');
    const built = spawnSync('npm', ['run', 'build:corpus'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`npm run build:corpus failed (exit code ${built.status ?? built.signal})`);
  }
  // A copy of the site without the project's index: what is measured cannot use it, and a rebuild of .eval
  // by someone else meanwhile does not pull the pages from under the run.
  const siteDir = join(work, 'site');
  cpSync(SITE_DIR, siteDir, { recursive: true, filter: (source) => resolve(source) !== join(SITE_DIR, 'pagefind') });
  const indexDir = join(work, 'pagefind-plain');

  const indexStarted = performance.now();
  const pages = await indexPlain(siteDir, indexDir);
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  if (pages === 0) throw new Error(`Pagefind indexed no page of ${siteDir} (glob ${glob})`);
  console.log(`Plain Pagefind ${PAGEFIND_VERSION} indexed ${pages} pages (${glob}) in ${indexSeconds.toFixed(1)} s.`);

  const queries = JSON.parse(readFileSync(QUERIES_FILE, 'utf8')) as EvalQuery[];
  // A query may name an article the copied site does not have (the queries changed, the corpus was not rebuilt).
  const unknown = [...new Set(queries.flatMap((query) => query.expected))].filter((id) => !existsSync(join(siteDir, 'articles', id, 'index.html')));
  if (unknown.length) console.warn(`Warning: ${unknown.length} expected article(s) are not in .eval/dist (rebuild it with npm run build:corpus): ${unknown.join(', ')}`);

  const served = await serve(siteDir, indexDir);
  server = served.server;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.warn(`page error: ${error.message}`));
  // Any page of the site will do; the front page has the site's <html lang="zh-CN">, the language of the index.
  await page.goto(`${served.origin}/`);
  await page.evaluate(async (script) => {
    const module = (await import(script)) as { options(o: object): Promise<void>; init(): Promise<void> };
    await module.options({ baseUrl: '/' });
    await module.init();
    (window as unknown as { plainPagefind: unknown }).plainPagefind = module;
  }, `${INDEX_PATH}pagefind.js`);

  const searchStarted = performance.now();
  const outcomes: PlainOutcome[] = [];
  for (const query of queries) {
    const found = await page.evaluate(
      async ({ text, read }) => {
        type Result = { data(): Promise<{ url: string }> };
        const module = (window as unknown as { plainPagefind: { search(q: string): Promise<{ results: Result[] } | null> } }).plainPagefind;
        const search = await module.search(text);
        const results = search?.results ?? [];
        const data = await Promise.all(results.slice(0, read).map((result) => result.data()));
        return { total: results.length, urls: data.map((d) => d.url) };
      },
      { text: query.query, read: READ_RESULTS },
    );
    const results = found.urls.map(articleId);
    const outcome: QueryOutcome = { ...query, results, groups: [results], presses: 0, status: `${found.total} results` };
    outcomes.push({ ...outcome, total: found.total, recallAt5: recallAt5(outcome), reciprocalRank: reciprocalRank(outcome) });
  }
  const searchSeconds = (performance.now() - searchStarted) / 1000;

  const summary = summarize(outcomes);
  const seconds = (performance.now() - started) / 1000;
  const heading = `Plain Pagefind ${PAGEFIND_VERSION}, defaults (createIndex({}), glob ${glob}: ${pages} pages, whole <body> indexed), queries as typed; first ${READ_RESULTS} results read.`;
  const table = markdownTable(summary);
  const misses = outcomes
    .filter((o) => o.recallAt5 < 1 || o.reciprocalRank < 1)
    .map((o) => `- ${o.kind} “${o.query}”: expected ${o.expected.join(', ') || 'nothing'}; got ${o.results.slice(0, 6).join(', ') || 'nothing'}${o.total > 6 ? ` (${o.total} results)` : ''}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(`${REPORT}.md`, `${heading}\n\n${table}\n\nImperfect queries (${misses.length}):\n${misses.join('\n') || '- none'}\n`);
  writeFileSync(
    `${REPORT}.json`,
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        pagefind: PAGEFIND_VERSION,
        glob,
        pages,
        seconds: { index: indexSeconds, search: searchSeconds, total: seconds },
        summary,
        outcomes: outcomes.map(({ groups: _groups, presses: _presses, status: _status, ...rest }) => rest),
      },
      null,
      2,
    ),
  );
  console.log(`\n${heading}\n\n${table}\n\n${misses.length} imperfect queries: see ${REPORT}.md`);
  console.log(`Index ${indexSeconds.toFixed(1)} s, ${queries.length} searches ${searchSeconds.toFixed(1)} s, total ${seconds.toFixed(1)} s.`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
}
