/**
 * The corpus site's index is built in parts (build-site.ts sets 15 articles per part), as a large archive's
 * is: the search page must merge them, and a date-sorted search must be in date order across parts.
 */
import { expect, test } from '@playwright/test';

test('the index is in date-ordered parts, listed newest first', async ({ request }) => {
  const { parts } = (await (await request.get('/pagefind/parts.json')).json()) as { parts: { name: string; path: string; pages: number }[] };
  expect(parts.length).toBe(3);
  expect(parts.reduce((sum, part) => sum + part.pages, 0)).toBe(41);
  expect(parts[0]!.path).toBe('');
  const names = parts.map((part) => part.name);
  expect([...names].sort().reverse()).toEqual(names);
  for (const part of parts.slice(1)) {
    expect((await request.get(`/pagefind/${part.path}pagefind-entry.json`)).ok()).toBe(true);
    // Older parts carry only index data; pagefind.js comes from the main index.
    expect((await request.get(`/pagefind/${part.path}pagefind.js`)).status()).toBe(404);
  }
});

test('a search finds articles from every part, and sorted by date they are newest first across parts', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('中原区')}&sort=date`);
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/找到 \d+ 篇/);
  const dates = async () =>
    page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname.split('/').slice(2, 4).join('/')));
  await page.getByRole('button', { name: '显示更多结果' }).click();
  await expect(page.locator('.search-result')).toHaveCount(Math.min(40, Number(/找到 (\d+) 篇/.exec((await status.textContent()) ?? '')?.[1])));
  const shown = await dates();
  expect(new Set(shown.map((month) => month.slice(0, 4))).size).toBeGreaterThanOrEqual(4);
  expect([...shown].sort().reverse()).toEqual(shown);
});
