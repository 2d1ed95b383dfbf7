import { expect, test } from '@playwright/test';
import { at, publicUrl } from './site.ts';

const ARTICLE = '/articles/2024/05/project-review-q1-economy/';

test('text size and theme persist across pages and visits', async ({ page }) => {
  await page.goto(at(ARTICLE));
  const root = page.locator('html');
  const bodySize = () => page.locator('.article__body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const normal = await bodySize();
  await page.getByRole('button', { name: '大号字' }).click();
  await expect(page.getByRole('button', { name: '大号字' })).toHaveAttribute('aria-pressed', 'true');
  expect(await bodySize()).toBeGreaterThan(normal * 1.1);

  await page.getByRole('button', { name: '深色' }).click();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(13, 17, 23)');

  await page.goto(at('/archive/'));
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(root).toHaveAttribute('data-text-size', 'l');
  await page.getByRole('button', { name: '标准字号' }).click();
  await page.reload();
  await expect(root).not.toHaveAttribute('data-text-size');
});

test('the system dark preference applies until the reader chooses', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(at(ARTICLE));
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
  await expect(page.getByRole('button', { name: '深色' })).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});

test('line spacing is at least 1.5 and the skip link leads to the content', async ({ page }) => {
  await page.goto(at(ARTICLE));
  const ratio = await page.locator('.article__body p').first().evaluate((p) => {
    const style = getComputedStyle(p);
    return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
  });
  expect(ratio).toBeGreaterThanOrEqual(1.5);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('printing an article prints the article and its address, without navigation', async ({ page }) => {
  await page.goto(at(ARTICLE));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.article-nav')).toBeHidden();
  await expect(page.locator('.article__title')).toBeVisible();
  await expect(page.getByText(`本文网址：${publicUrl('/articles/2024/05/project-review-q1-economy/')}`)).toBeVisible();
});

test('an article page stays under 30 KB of HTML and CSS, with scripts only for reading settings and search highlighting', async ({ page }) => {
  const bytes: Record<string, number> = {};
  const scripts: string[] = [];
  // Each body is read before the test goes on: a listener still reading when the test ends fails it.
  const reading: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script') scripts.push(new URL(response.url()).pathname);
    reading.push(response.body().then((body) => void (bytes[type] = (bytes[type] ?? 0) + body.length)));
  });
  await page.goto(at(ARTICLE));
  await page.waitForLoadState('networkidle');
  await Promise.all(reading);
  // Script files: only the loader (with Vite's import helper) that fetches the highlighter for readers
  // arriving from a search; the highlighter itself is not loaded here.
  expect(bytes.script ?? 0).toBeLessThanOrEqual(2.5 * 1024);
  expect(scripts.some((path) => path.includes('highlight'))).toBe(false);
  expect((bytes.document ?? 0) + (bytes.stylesheet ?? 0)).toBeLessThanOrEqual(30 * 1024);
  const inline = await page.locator('script:not([src]):not([type="application/ld+json"])').evaluateAll((scripts) => scripts.map((s) => s.textContent?.length ?? 0));
  expect(inline.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2048 + 300);
});

test('breadcrumbs, related articles and the day archive lead readers around', async ({ page }) => {
  await page.goto(at(ARTICLE));
  const crumbs = page.getByRole('navigation', { name: '当前位置' });
  await expect(crumbs.getByRole('link')).toHaveText(['首页', '时政要闻']);
  const related = page.getByRole('region', { name: '相关报道' });
  await expect(related.locator('.article-list__title')).toHaveCount(2);
  await related.getByRole('link', { name: '中原区领导调研安全生产工作' }).click();
  await expect(page.locator('h1')).toHaveText('中原区领导调研安全生产工作');

  await page.goto(at('/archive/2024/05/'));
  await page.getByRole('link', { name: '6日', exact: true }).click();
  await expect(page).toHaveURL(/\/archive\/2024\/05\/06\/$/);
  await expect(page.locator('.article-list__title')).toHaveCount(2);
  await expect(page.getByRole('img', { name: /每月发稿数量/ })).toHaveCount(0);
  await page.goto(at('/archive/'));
  await expect(page.getByRole('img', { name: /每月发稿数量/ })).toBeVisible();
});
