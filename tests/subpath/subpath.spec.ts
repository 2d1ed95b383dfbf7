/**
 * The site built for https://www.example.gov.cn/news/ (the `subpath` site of tests/sites.ts) and served under /news/:
 * every link, asset, feed entry and search result stays under the base path.
 */
import { expect, test } from '@playwright/test';
import { SITES } from '../sites.ts';

const BASE = SITES.subpath.basePath;
const SITE = new URL(SITES.subpath.basePath, SITES.subpath.siteUrl).href;

test('browsing: every link and asset of the pages stays under /news/ and loads', async ({ page, request }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(BASE);
  await expect(page.locator('h1, h2').first()).toBeVisible();
  const urls = await page.locator('a[href], link[href], script[src], img[src]').evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? ''),
  );
  const local = urls.filter((url) => url.startsWith('/'));
  expect(local.length).toBeGreaterThan(10);
  expect(local.filter((url) => !url.startsWith(BASE))).toEqual([]);
  for (const url of new Set(local.map((url) => url.split('#')[0]!))) {
    expect((await request.get(url)).status(), url).toBe(200);
  }

  await page.locator(`main a[href^="${BASE}articles/"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${BASE}articles/`));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`^${SITE}articles/`));
  await page.goto(`${BASE}archive/`);
  await expect(page.locator('main')).toContainText('2024');
  expect(failed).toEqual([]);
});

test('searching: the index loads from /news/pagefind/ and results link under /news/', async ({ page }) => {
  const indexRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) indexRequests.push(new URL(request.url()).pathname);
  });
  await page.goto(`${BASE}search/`);
  await page.locator('#q').fill('三化改造');
  await page.locator('#q').press('Enter');
  await expect(page.locator('[data-search-status]')).toHaveText('找到 1 篇包含“三化改造”的报道。');
  const link = page.locator('.search-result h2 a');
  await expect(link).toHaveAttribute('href', new RegExp(`^${BASE}articles/`));
  expect(indexRequests.length).toBeGreaterThan(0);
  expect(indexRequests.filter((path) => !path.startsWith(`${BASE}pagefind/`))).toEqual([]);
  await link.click();
  await expect(page.locator('.article__body mark').first()).toHaveText('三化改造');
});

test('feeds and sitemaps use absolute addresses under the configured site', async ({ request }) => {
  const rss = await (await request.get(`${BASE}rss.xml`)).text();
  const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((match) => match[1]!);
  expect(links.length).toBeGreaterThan(1);
  expect(links.filter((link) => !link.startsWith(SITE))).toEqual([]);
  const index = await (await request.get(`${BASE}sitemap-index.xml`)).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
  expect(sitemaps.length).toBeGreaterThan(0);
  for (const sitemap of sitemaps) {
    expect(sitemap.startsWith(SITE)).toBe(true);
    const entries = [...(await (await request.get(new URL(sitemap).pathname)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.filter((entry) => !entry.startsWith(SITE))).toEqual([]);
  }
});
