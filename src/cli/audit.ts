/**
 * `npm run audit`: builds the site, serves it with `astro preview`, runs Lighthouse (its default mobile
 * settings) three times on each of four representative pages (the newest article's among them; a fifth, the newest
 * edition's first 版, when the archive has printed pages), prints the
 * median scores, writes them with the failing audits to docs/audit.md, and exits non-zero when a score is
 * below its threshold.
 *
 * It builds into and serves dist/, like `npm test`; when both run at once, one build wipes the pages the other
 * is serving. astro.config.ts reads OUT_DIR and ASTRO_CACHE_DIR for the build and the preview server alike, so
 * `OUT_DIR=node_modules/.audit/dist ASTRO_CACHE_DIR=node_modules/.audit/cache npm run audit` keeps them apart.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LaunchedChrome, launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { readBuildSettings } from '../settings.ts';
import { buildSite } from '../build/build-site.ts';
import { startPreview } from '../preview/preview-server.ts';

const REPORT_FILE = 'docs/audit.md';
const RUNS_PER_PAGE = 3;

/** A page audited; its path is relative to the site's base path. */
interface Page {
  name: string;
  path: string;
}

/**
 * One page of each template readers land on, in whatever archive was built: the newest article (the home
 * page's first) and a search for the start of its headline, which finds it. An archive with nothing in it yet
 * has no article to audit; its search page is audited with a query that finds nothing.
 */
function pagesOf(outDir: string): Page[] {
  const home = readFileSync(join(outDir, 'index.html'), 'utf8');
  const newest = new RegExp(`<a href="${basePath}(?<path>articles/[^"]+/)"[^>]*>(?<headline>[^<]+)</a>`).exec(home)?.groups;
  const query = (newest?.headline && /\p{Script=Han}{2,4}/u.exec(newest.headline)?.[0]) || '新闻';
  // The newest edition's first 版, named on the e-paper's index, when the archive has printed pages.
  const editions = join(outDir, 'editions', 'index.html');
  const printedPage = existsSync(editions) ? new RegExp(`href="${basePath}(?<path>editions/\\d{4}/\\d{2}-\\d{2}/[^/"]+/)"`).exec(readFileSync(editions, 'utf8'))?.groups?.path : undefined;
  return [
    { name: 'Home', path: '' },
    ...(newest?.path ? [{ name: 'Article', path: newest.path }] : []),
    ...(printedPage ? [{ name: 'Printed page', path: printedPage }] : []),
    { name: 'Archive', path: 'archive/' },
    { name: 'Search', path: `search/?q=${query}` },
  ];
}

const categories = [
  { id: 'performance', title: 'Performance', minimum: 95 },
  { id: 'accessibility', title: 'Accessibility', minimum: 100 },
  { id: 'best-practices', title: 'Best practices', minimum: 100 },
  { id: 'seo', title: 'SEO', minimum: 100 },
] as const;

type Category = (typeof categories)[number];

/** A page's median score in one category, and the run it came from (whose audits explain the score). */
interface CategoryScore {
  category: Category;
  score: number;
  run: Result;
}

interface PageScores {
  page: Page;
  scores: CategoryScore[];
}

interface AuditResults {
  chromiumVersion: string;
  pages: PageScores[];
}

/** Headless Chromium on a machine without a display, GPU or internet. */
const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

async function buildForAudit(): Promise<string> {
  const result = await buildSite({ stdio: 'inherit' });
  if (!result.ok) throw new Error(`astro build failed (${result.signal ?? `exit code ${result.status}`}); nothing was audited`);
  return result.outDir;
}

/** Fails early, with a message, when dist/ lacks a page instead of letting Lighthouse audit an error page. */
async function assertPageServed(url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}; is the page still in the build?`);
}

function launchChrome(): Promise<LaunchedChrome> {
  return launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags });
}

/** Asked of the browser itself: the user agent Lighthouse records is reduced to 156.0.0.0 and the like. */
async function browserVersion(chrome: LaunchedChrome): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${chrome.port}/json/version`);
  const { Browser } = (await response.json()) as { Browser: string };
  return Browser.replace(/^\D+\//, '');
}

/** One Lighthouse run with its default config: mobile form factor and simulated throttling. */
async function runLighthouse(url: string, chromePort: number): Promise<Result> {
  const result = await lighthouse(url, {
    port: chromePort,
    logLevel: 'error',
    onlyCategories: categories.map((category) => category.id),
  });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.code} ${runtimeError.message}`);
  return result.lhr;
}

/** Category scores as 0–100; Lighthouse reports null when a category could not be computed, counted as 0. */
function scoreOf(run: Result, category: Category): number {
  return Math.round((run.categories[category.id]?.score ?? 0) * 100);
}

/** Scores vary from run to run (CPU load on a 2-core machine), so each page is run several times. */
async function auditPage(page: Page, origin: string, chromePort: number): Promise<PageScores> {
  const url = pageUrl(page, origin);
  await assertPageServed(url);
  const runs: Result[] = [];
  for (let index = 1; index <= RUNS_PER_PAGE; index++) {
    const run = await runLighthouse(url, chromePort);
    runs.push(run);
    const summary = categories.map((category) => `${category.title} ${scoreOf(run, category)}`).join(', ');
    console.log(`${page.name} run ${index}/${RUNS_PER_PAGE}: ${summary}`);
  }
  return { page, scores: categories.map((category) => medianScore(runs, category)) };
}

function medianScore(runs: Result[], category: Category): CategoryScore {
  const sorted = [...runs].sort((a, b) => scoreOf(a, category) - scoreOf(b, category));
  const run = sorted[Math.floor(sorted.length / 2)];
  if (!run) throw new Error('no Lighthouse runs to take a median of');
  return { category, score: scoreOf(run, category), run };
}

function pageUrl(page: Page, origin: string): string {
  return new URL(basePath + page.path, origin).href;
}

function pageLabel(page: Page): string {
  return `${page.name} \`/${page.path}\``;
}

function scoreTable(results: PageScores[]): string {
  const header = `| Page | ${categories.map((category) => category.title).join(' | ')} |`;
  const rule = `| --- | ${categories.map(() => '---:').join(' | ')} |`;
  const rows = results.map(({ page, scores }) => `| ${pageLabel(page)} | ${scores.map((s) => s.score).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

/** The category's audits that cost points: scored below 1, or errored (no score, which lowers the category). */
function failingAudits({ category, run }: CategoryScore): string[] {
  const refs = run.categories[category.id]?.auditRefs ?? [];
  return refs.flatMap((ref) => {
    const audit = run.audits[ref.id];
    if (!audit) return [];
    const failed = audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < 1);
    if (!failed) return [];
    const detail = audit.errorMessage ?? audit.displayValue;
    return [`- \`${audit.id}\` ${audit.title}${detail ? ` — ${detail}` : ''}`];
  });
}

function categorySection(page: Page, categoryScore: CategoryScore): string {
  const heading = `### ${pageLabel(page)}: ${categoryScore.category.title} ${categoryScore.score}`;
  return [heading, '', ...failingAudits(categoryScore)].join('\n');
}

function failuresSection(results: PageScores[]): string {
  const sections = results.flatMap(({ page, scores }) =>
    scores.filter(({ score }) => score < 100).map((categoryScore) => categorySection(page, categoryScore)),
  );
  if (sections.length === 0) return 'Every page scores 100 in every category.';
  return [
    '## Audits below 100',
    '',
    "From the run with the median score; `id`, title and Lighthouse's measured value.",
    '',
    sections.join('\n\n'),
  ].join('\n');
}

function thresholdViolations(results: PageScores[]): string[] {
  return results.flatMap(({ page, scores }) =>
    scores
      .filter(({ category, score }) => score < category.minimum)
      .map(({ category, score }) => `${pageLabel(page)}: ${category.title} ${score} (minimum ${category.minimum})`),
  );
}

function report({ chromiumVersion, pages: results }: AuditResults, measuredAt: Date): string {
  const lighthouseVersion = results[0]?.scores[0]?.run.lighthouseVersion;
  if (!lighthouseVersion) throw new Error('no pages were audited');
  const thresholds = categories.map((category) => `${category.title} ${category.minimum}`).join(', ');
  const date = measuredAt.toISOString().replace(/\.\d+Z$/, 'Z');
  return [
    '# Lighthouse audit',
    '',
    'Lighthouse scores of four representative pages, measured by `npm run audit` (`src/cli/audit.ts`).',
    '',
    `- When: ${date}, on the site as built then and served by \`astro preview\`.`,
    `- How: Lighthouse ${lighthouseVersion} in headless Chromium ${chromiumVersion}, with Lighthouse's default mobile`,
    '  settings (mobile emulation, simulated throttling).',
    `- Each page is run ${RUNS_PER_PAGE} times; the table shows the median score (0–100) per category.`,
    `- The command fails below ${thresholds}.`,
    '- Performance depends on the machine and on what else runs on it: compare runs from the same, otherwise idle,',
    '  machine.',
    '',
    scoreTable(results),
    '',
    failuresSection(results),
    '',
  ].join('\n');
}

async function auditPages(pages: readonly Page[], origin: string): Promise<AuditResults> {
  const chrome = await launchChrome();
  try {
    const chromiumVersion = await browserVersion(chrome);
    const results: PageScores[] = [];
    for (const page of pages) results.push(await auditPage(page, origin, chrome.port));
    return { chromiumVersion, pages: results };
  } finally {
    chrome.kill();
  }
}

/** The base path the site is served under (BASE_PATH), read when the audit runs. */
let basePath = '/';

async function main(): Promise<number> {
  basePath = readBuildSettings().basePath;
  const measuredAt = new Date();
  const pages = pagesOf(await buildForAudit());
  const server = await startPreview();
  let results: AuditResults;
  try {
    results = await auditPages(pages, server.origin);
  } finally {
    await server.stop();
  }
  writeFileSync(REPORT_FILE, report(results, measuredAt));
  console.log(`\n${scoreTable(results.pages)}\n\nWrote ${REPORT_FILE}.`);
  const violations = thresholdViolations(results.pages);
  if (violations.length === 0) return 0;
  console.error(`\nBelow the threshold:\n${violations.map((violation) => `  ${violation}`).join('\n')}`);
  return 1;
}

if (import.meta.main) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(`audit: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
