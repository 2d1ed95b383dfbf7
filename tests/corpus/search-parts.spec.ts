/**
 * The corpus site's index is in parts, a part per year (2019–2025), and the search page reads them in three
 * steps (its SEARCH_FIRST_STEP_PAGES in tests/sites.ts): 2024–2025, then 2021–2023, then 2019–2020 — as it
 * reads a large archive, scaled down.
 * These tests watch what the page fetches and shows in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readRenderedArchive } from '../../src/markdown.ts';
import type { SearchPartsManifest } from '../../src/lib/search/parts-manifest.ts';
import { containsAllTerms } from '../../src/lib/search/browser/match.ts';
import { queryTerms } from '../../src/lib/search/browser/query.ts';
import { indexedText } from '../../src/lib/search/build/records.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';
import { SITES } from '../sites.ts';

const manifest = JSON.parse(readFileSync(join(SITES.corpus.outDir, 'pagefind/parts.json'), 'utf8')) as SearchPartsManifest;
const partOf = (year: string) => manifest.parts.find((part) => part.from.startsWith(year))!;

/** The indexed text of each published article of the corpus site, as the build reads it (the archive's source and pipeline). */
let texts: Promise<string[]> | undefined;
function corpusTexts(): Promise<string[]> {
  texts ??= Promise.all(
    [ZHONGYUAN.articles, 'tests/fixtures/search-corpus'].map(async (root) => {
      const { articles } = await readRenderedArchive(root, { columns: ZHONGYUAN.newsroom.columns, now: new Date() });
      return articles.filter((article) => article.published).map(({ data, rendered }) => indexedText(data, rendered.body.lines).replace(/\n/g, ' '));
    }),
  ).then((roots) => roots.flat());
  return texts;
}

/** How many published articles of the corpus site contain every term of the query. */
async function articlesContaining(query: string): Promise<number> {
  const terms = queryTerms(query);
  return (await corpusTexts()).filter((text) => containsAllTerms(text, terms)).length;
}

/** Paths of the older parts' files the page has requested. */
function watchPartRequests(page: Page): Set<string> {
  const requested = new Set<string>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    const part = /^\/pagefind\/parts\/([^/]+)\//.exec(path)?.[1];
    if (part) requested.add(part);
  });
  return requested;
}

const resultPaths = (page: Page) =>
  page.locator('.search-result__title a').evaluateAll((links) => links.map((link) => decodeURIComponent((link as HTMLAnchorElement).pathname)));

/** Presses "more" until the search has read everything; checks after each press that nothing shown moved. */
async function readToTheEnd(page: Page): Promise<string[]> {
  const more = page.locator('[data-search-more]');
  const idle = page.locator('[data-search-results]:not([aria-busy])');
  await expect(idle).toBeAttached();
  let shown = await resultPaths(page);
  for (let presses = 0; await more.isVisible(); presses++) {
    expect(presses).toBeLessThan(20);
    await more.getByRole('button').click();
    await expect(idle).toBeAttached();
    const now = await resultPaths(page);
    expect(now.slice(0, shown.length)).toEqual(shown);
    shown = now;
  }
  return shown;
}

test('the index is a part per year, named by its content, listed newest first', async ({ request }) => {
  const { parts, firstStepPages } = manifest;
  expect(firstStepPages).toBe(9);
  expect(parts.map((part) => part.from.slice(0, 4))).toEqual(['2025', '2024', '2023', '2022', '2021', '2020', '2019']);
  expect(parts.reduce((sum, part) => sum + part.pages, 0)).toBe(48);
  expect(parts[0]!.path).toBe('');
  for (const part of parts) expect(part.name).toMatch(new RegExp(`^${part.from.slice(0, 4)}-[0-9a-f]{10}$`));
  for (const part of parts.slice(1)) {
    expect((await request.get(`/pagefind/${part.path}pagefind-entry.json`)).ok()).toBe(true);
    // Older parts carry only index data; pagefind.js comes from the main index.
    expect((await request.get(`/pagefind/${part.path}pagefind.js`)).status()).toBe(404);
  }
});

test('the first results appear before the older parts are fetched, and "more" reads them in order to the oldest', async ({ page }) => {
  const requested = watchPartRequests(page);
  await page.goto('/search/');
  await page.locator('#q').fill('中原区');
  await page.locator('#q').press('Enter');
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/^已查找2024年至2025年的报道，找到 \d+ 篇包含“中原区”的报道。2019年至2023年的报道还没有查找。$/);
  await expect(page.locator('.search-result').first()).toBeVisible();
  // Only the first step's older part (2024; 2025 is the main index) has been fetched.
  expect([...requested]).toEqual([partOf('2024').name]);
  await expect(page.locator('.search-group__title').first()).toHaveText(/^2024年至2025年的报道（\d+ 篇）$/);
  await expect(page.locator('[data-search-more] button')).toHaveText('查找更早的报道（2021年至2023年）');

  const shown = await readToTheEnd(page);
  expect(requested).toContain(partOf('2019').name);
  expect(requested.size).toBe(manifest.parts.length - 1);
  // The final count is exact: every article that contains the query, each shown once.
  const expected = await articlesContaining('中原区');
  await expect(status).toHaveText(`找到 ${expected} 篇包含“中原区”的报道。`);
  expect(shown.length).toBe(expected);
  expect(new Set(shown).size).toBe(expected);
  // Grouped by period, newest first.
  const years = shown.map((path) => path.split('/')[2]!);
  const groupOf = (year: string) => (year >= '2024' ? 0 : year >= '2021' ? 1 : 2);
  expect(years.map(groupOf)).toEqual([...years.map(groupOf)].sort());
});

/** Searches the whole corpus for `query`; returns the result paths and the status once every part is read. */
async function searchAll(page: Page, query: string): Promise<{ shown: string[]; status: string }> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-search-status]')).toHaveText(/找到|没有找到/);
  const shown = await readToTheEnd(page);
  return { shown, status: (await page.locator('[data-search-status]').textContent()) ?? '' };
}

test('a reporter’s name finds every article with it in the byline or the text, saying in which role', async ({ page }) => {
  const { shown, status } = await searchAll(page, '唐善普');
  const expected = await articlesContaining('唐善普');
  expect(expected).toBeGreaterThan(3);
  expect(status).toBe(`找到 ${expected} 篇包含“唐善普”的报道。`);
  expect(new Set(shown).size).toBe(expected);
  for (const seed of ['project-review-q1-economy', 'safety-inspection', 'three-transformations-conference']) expect(shown).toContain(`/articles/2024/05/${seed}/`);
  await expect(page.locator('.search-result', { hasText: '记者 唐善普' }).first()).toBeVisible();
  await expect(page.locator('.search-result mark', { hasText: '唐善普' }).first()).toBeVisible();
});

test('full-width digits and letters, as input methods type them, find what half-width ones find', async ({ page }) => {
  for (const [fullWidth, halfWidth] of [['５Ｇ', '5G'], ['１０月', '10月']] as const) {
    const half = await searchAll(page, halfWidth);
    expect(half.shown.length, halfWidth).toBe(await articlesContaining(halfWidth));
    expect(half.shown.length, halfWidth).toBeGreaterThan(0);
    const full = await searchAll(page, fullWidth);
    expect([...full.shown].sort(), fullWidth).toEqual([...half.shown].sort());
    expect(full.status).toBe(`找到 ${half.shown.length} 篇包含“${fullWidth}”的报道。`);
  }
});

test('typing loads the first step’s index for the words typed, and Enter searches without fetching it again', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.pf_index')) chunks.push(path);
  });
  await page.goto('/search/');
  // Found in the first step (2024: the safety inspection): a query found nowhere there would search on
  // through the older parts by itself, and fetch their chunks.
  await page.locator('#q').fill('燃气安全');
  // Nothing is searched until Enter, but the chunks of the first step's parts (2025, 2024) arrive.
  await expect.poll(() => chunks.length).toBeGreaterThan(0);
  await expect(page.locator('[data-search-status]')).toHaveText('');
  await page.waitForLoadState('networkidle');
  const older = partOf('2024');
  expect(chunks.some((path) => path.startsWith(`/pagefind/${older.path}`))).toBe(true);
  expect(chunks.some((path) => path.startsWith('/pagefind/index/'))).toBe(true);
  expect(chunks.every((path) => path.startsWith('/pagefind/index/') || path.startsWith(`/pagefind/${older.path}`))).toBe(true);
  const typed = chunks.length;
  await page.locator('#q').press('Enter');
  await expect(page.locator('[data-search-status]')).toContainText('包含“燃气安全”的报道');
  expect(chunks.length).toBe(typed);
});

test('a search page opened with ?q= asks at once for all its first step opens, and fetches each file once', async ({ page }) => {
  const requests: { path: string; at: number }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/pagefind/')) requests.push({ path: `${url.pathname}${url.search}`, at: Date.now() });
  });
  // A phone's round trip (Chrome's Slow 4G latency): a chain of requests would take one of these per link.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: -1, uploadThroughput: -1 });
  await page.goto(`/search/?q=${encodeURIComponent('燃气安全')}`);
  await expect(page.locator('[data-search-status]')).toContainText('包含“燃气安全”的报道');
  await page.waitForLoadState('networkidle');
  // What opening the main index and the first step's other part (2024) reads, named in parts.json.
  const firstStep = [partOf('2025'), partOf('2024')];
  expect(firstStep[0]!.openingFiles).toEqual([expect.stringMatching(/^pagefind\.zh-cn_\w+\.pf_meta$/), 'wasm.unknown.pagefind']);
  const opening = firstStep.flatMap((part) => [`/pagefind/${part.path}pagefind-entry.json?ts=${part.name}`, ...part.openingFiles.map((file) => `/pagefind/${part.path}${file}`)]);
  const paths = requests.map((request) => request.path);
  for (const path of opening) expect(paths, path).toContain(path);
  // Asked for together, before any of it had to come back: not the chain of entry, metadata, next part.
  const askedAt = opening.map((path) => requests.find((request) => request.path === path)!.at);
  expect(Math.max(...askedAt) - Math.min(...askedAt)).toBeLessThan(100);
  // Each file once: the page's hints are what Pagefind's own requests use (the manifest and pagefind.js
  // included, hinted in the page's head).
  const twice = paths.filter((path, index) => paths.indexOf(path) !== index);
  expect(twice).toEqual([]);
  const hinted = await page.locator('head link[rel="preload"], head link[rel="modulepreload"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  expect(hinted).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/parts.json']));
  // No older part than the first step's.
  expect(paths.filter((path) => path.startsWith('/pagefind/parts/') && !path.startsWith(`/pagefind/${partOf('2024').path}`))).toEqual([]);
});

test('an input method’s pinyin loads nothing; the characters it commits load their chunks', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('.pf_index')) chunks.push(request.url());
  });
  await page.goto('/search/');
  await page.locator('#q').focus();
  // Chromium's own input-method events, as a pinyin keyboard makes them: composition, then commit.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'laji', selectionStart: 4, selectionEnd: 4 });
  await expect(page.locator('#q')).toHaveValue('laji');
  await page.waitForTimeout(500);
  expect(chunks).toEqual([]);
  await cdp.send('Input.insertText', { text: '垃圾' });
  await expect(page.locator('#q')).toHaveValue('垃圾');
  await expect.poll(() => chunks.length).toBeGreaterThan(0);
});

test('sorted by date, results are newest first across parts, down to the oldest part', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('中原区')}&sort=date`);
  await expect(page.locator('[data-search-status]')).toContainText('找到');
  const shown = await readToTheEnd(page);
  const days = shown.map((path) => path.split('/').slice(2, 4).join('/'));
  expect([...days].sort().reverse()).toEqual(days);
  expect(days.at(-1)!.startsWith('2019')).toBe(true);
  await expect(page.locator('[data-search-status]')).toHaveText(`找到 ${await articlesContaining('中原区')} 篇包含“中原区”的报道（按时间排序）。`);
});

test('relevance over the whole archive reads every part at once', async ({ page }) => {
  const requested = watchPartRequests(page);
  await page.goto(`/search/?q=${encodeURIComponent('垃圾分类试点')}&sort=overall`);
  await expect(page.locator('[data-search-status]')).toHaveText('找到 1 篇包含“垃圾分类试点”的报道（全部年份按相关度排序）。');
  expect(requested.size).toBe(manifest.parts.length - 1);
});

test('the year filter reads only that year’s part', async ({ page }) => {
  const requested = watchPartRequests(page);
  await page.goto(`/search/?q=${encodeURIComponent('中原区')}&year=2020`);
  await expect(page.locator('[data-search-status]')).toHaveText(/^找到 \d+ 篇包含“中原区”的报道（2020年）。$/);
  expect([...requested]).toEqual([partOf('2020').name]);
});

test('a part that fails to load is reported, the results found stay, and 重试 goes on', async ({ page }) => {
  const broken = partOf('2022');
  await page.route(`**/pagefind/${broken.path}**`, (route) => route.abort('internetdisconnected'));
  await page.goto(`/search/?q=${encodeURIComponent('中原区')}`);
  const status = page.locator('[data-search-status]');
  await expect(status).toContainText('已查找2024年至2025年的报道');
  const firstScreen = await resultPaths(page);
  expect(firstScreen.length).toBeGreaterThan(0);
  await page.locator('[data-search-more] button').click();
  await expect(status).toContainText('2022年的搜索索引没有加载成功');
  expect((await resultPaths(page)).slice(0, firstScreen.length)).toEqual(firstScreen);
  await expect(page.locator('[data-search-more] button')).toHaveText('重试');

  await page.unroute(`**/pagefind/${broken.path}**`);
  const shown = await readToTheEnd(page);
  expect(shown.slice(0, firstScreen.length)).toEqual(firstScreen);
  await expect(status).toHaveText(`找到 ${await articlesContaining('中原区')} 篇包含“中原区”的报道。`);
});

test('a page opened before a deploy searches on with the new parts', async ({ page }) => {
  // The page gets a manifest whose 2024 part has since been replaced (its name changed with its content).
  const stale: SearchPartsManifest = {
    ...manifest,
    parts: manifest.parts.map((part) => (part === partOf('2024') ? { ...part, name: '2024-0000000000', path: 'parts/2024-0000000000/' } : part)),
  };
  let served = 0;
  await page.route('**/pagefind/parts.json', (route) => (served++ === 0 ? route.fulfill({ json: stale }) : route.continue()));
  await page.goto(`/search/?q=${encodeURIComponent('中原区')}`);
  await expect(page.locator('[data-search-status]')).toContainText('网站的搜索索引刚刚更新，已重新查找。已查找2024年至2025年的报道，找到');
  expect((await resultPaths(page)).length).toBeGreaterThan(0);
});
