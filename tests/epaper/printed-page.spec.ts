/**
 * The e-paper's printed pages in Chromium (the `epaper` test site of tests/sites.ts: two 版 of 2024-05-07 imported
 * with their PDFs, one article a draft): the 版 page shows the page's picture; each published article's region
 * is a link named by its headline, reachable with Tab and outlined when focused; the draft's region is neither a
 * link nor named; the PDF link serves the page's PDF byte for byte; 上一版/下一版 move between the pages; a region
 * opens its article, whose “刊于…” comes back with the region marked; the calendar links the edition's day; axe
 * and Lighthouse's accessibility audit find nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listArticleFiles } from '../../src/lib/archive/source.ts';
import { chromiumPath } from '../chromium.ts';
import { SITES } from '../sites.ts';

const PAGE_ONE = '/editions/2024/05-07/1/';
const site = SITES.epaper;
const frontmatter = (file: string) =>
  parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(site.contentDir, file), 'utf8'))![1]!) as { title: string; draft?: boolean; source: { page: string; order: number } };
const articles = listArticleFiles(site.contentDir).map((file) => ({ file, ...frontmatter(file) }));
const onPageOne = articles.filter((article) => String(article.source.page) === '1');
const published = onPageOne.find((article) => !article.draft)!;
const draft = onPageOne.find((article) => article.draft)!;

async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the 版 page shows the printed page, its published article a link named by its headline, the draft neither', async ({ page }) => {
  expect(published && draft).toBeTruthy();
  await page.goto(PAGE_ONE);
  await expect(page.locator('h1')).toHaveText('2024年5月7日第1版');
  // The same trail as the edition's day, one step further.
  const crumbs = page.getByRole('navigation', { name: '当前位置' });
  await expect(crumbs.getByRole('link')).toHaveText(['首页', '归档', '数字报', '2024年', '2024年5月7日']);
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('第1版');
  const picture = page.locator('.printed-page__image');
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(400);
  const regions = page.locator('a.printed-page__region');
  await expect(regions).toHaveCount(1);
  await expect(regions).toHaveAccessibleName(published.title);
  await expect(page.locator('.printed-page__region--unpublished')).toHaveCount(1);
  expect(await page.locator('.printed-page__regions').textContent()).not.toContain(draft.title);
  // The list beside the page names the published article only.
  await expect(page.locator('.edition-page-view__list .article-list__title')).toHaveText([published.title]);
});

test('a region is reached with Tab and outlined when focused, and opens its article, whose “刊于…” marks it', async ({ page }) => {
  await page.goto(PAGE_ONE);
  const region = page.locator('a.printed-page__region rect').first();
  const unfocused = await region.evaluate((rect) => getComputedStyle(rect).stroke);
  await tabTo(page, 'a.printed-page__region');
  const focused = await region.evaluate((rect) => getComputedStyle(rect).stroke);
  expect(focused).not.toBe(unfocused);
  expect(focused).not.toMatch(/^(none|transparent|rgba\(0, 0, 0, 0\))$/);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(published.title);
  await page.locator('.article__printed a').click();
  expect(new URL(page.url()).pathname).toBe(PAGE_ONE);
  expect(new URL(page.url()).hash).toMatch(/^#article-2024-05-/);
  expect(await page.evaluate(() => document.querySelector(':target')?.classList.contains('printed-page__region'))).toBe(true);
});

test('the PDF link serves the page’s PDF byte for byte, under a name that says what it is', async ({ page }) => {
  await page.goto(PAGE_ONE);
  const link = page.getByRole('link', { name: /下载本版 PDF/ });
  expect(await link.getAttribute('download')).toBe('中原新闻2024年5月7日第1版.pdf');
  const served = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
  expect(served.ok()).toBe(true);
  expect(Buffer.from(await served.body()).equals(readFileSync(join(site.dir, 'editions/2024/05-07/1.pdf')))).toBe(true);
});

test('上一版 and 下一版 move between the pages of the edition; the calendar links the edition’s day', async ({ page }) => {
  await page.goto(PAGE_ONE);
  await page.getByRole('link', { name: /下一版/ }).click();
  expect(new URL(page.url()).pathname).toBe('/editions/2024/05-07/2/');
  await expect(page.locator('.edition-nav__pages [aria-current="page"]')).toHaveText('第2版');
  await page.getByRole('link', { name: /上一版/ }).click();
  expect(new URL(page.url()).pathname).toBe(PAGE_ONE);
  await page.goto('/editions/');
  const days = page.locator('.edition-calendar a');
  await expect(days).toHaveCount(1);
  await days.click();
  expect(new URL(page.url()).pathname).toBe('/editions/2024/05-07/');
  await page.getByRole('link', { name: '第1版' }).first().click();
  expect(new URL(page.url()).pathname).toBe(PAGE_ONE);
});

test('on a phone the page fits the width and the list follows it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE_ONE);
  const sheet = await page.locator('.printed-page__sheet').boundingBox();
  const list = await page.locator('.edition-page-view__list').boundingBox();
  expect(sheet!.width).toBeLessThanOrEqual(390);
  expect(list!.y).toBeGreaterThan(sheet!.y + sheet!.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

for (const path of [PAGE_ONE, '/editions/2024/', '/editions/']) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

// Lighthouse on the 版 page (the new template; its accessibility audits add to axe's: tap targets, names…).
for (const path of [PAGE_ONE]) {
  test(`${path}: Lighthouse's accessibility score is 100`, async ({ baseURL }) => {
    test.setTimeout(90_000);
    const chrome = await launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    try {
      const audit = await lighthouse(new URL(path, baseURL).href, { port: chrome.port, logLevel: 'error', onlyCategories: ['accessibility'] });
      const failing = Object.values(audit!.lhr.audits).filter((item) => item.score !== null && item.score < 1 && item.scoreDisplayMode === 'binary');
      expect(failing.map((item) => item.id)).toEqual([]);
      expect(audit!.lhr.categories.accessibility!.score).toBe(1);
    } finally {
      chrome.kill();
    }
  });
}
