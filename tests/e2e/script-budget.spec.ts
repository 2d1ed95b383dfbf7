/**
 * What an article page costs a reader in JavaScript: at most 2 KB, counted uncompressed, inline scripts and
 * script files together, when it is opened without ?q= (the highlighter loads only for a search result).
 */
import { expect, test, type Page } from '@playwright/test';
import { at } from './site.ts';

const BUDGET = 2048;

async function scriptBytes(page: Page, path: string): Promise<{ inline: number; files: Map<string, number> }> {
  const files = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.body().then((body) => void files.set(new URL(response.url()).pathname, body.length)));
  });
  await page.goto(at(path));
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  // JSON-LD is data, not script.
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>('script:not([src])')]
      .filter((script) => !script.type || script.type === 'module' || script.type === 'text/javascript')
      .reduce((sum, script) => sum + new TextEncoder().encode(script.text).length, 0),
  );
  return { inline, files };
}

test('an article page loads at most 2 KB of JavaScript, inline included', async ({ page }) => {
  const { inline, files } = await scriptBytes(page, '/articles/2024/05/safety-inspection/');
  const total = inline + [...files.values()].reduce((sum, bytes) => sum + bytes, 0);
  expect(inline).toBeGreaterThan(0);
  expect(total, `inline ${inline} B, files ${JSON.stringify([...files])}`).toBeLessThanOrEqual(BUDGET);
  // The reading controls still work: the script is the same, minified.
  await page.getByRole('button', { name: '大号字' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'l');
});

test('from a search result, the highlighter loads and marks the words', async ({ page }) => {
  const { files } = await scriptBytes(page, `/articles/2024/05/safety-inspection/?q=${encodeURIComponent('燃气安全')}`);
  expect([...files.keys()].some((path) => path.includes('highlight'))).toBe(true);
  await expect(page.locator('.article__body mark').first()).toHaveText('燃气安全');
});

test('a site whose config does not ask for the web editor has no /admin/', async ({ request }) => {
  expect((await request.get(at('/admin/'))).status()).toBe(404);
});
