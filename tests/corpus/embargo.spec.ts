/**
 * A draft and an article dated 2099 are in the corpus site's content (tests/corpus/unpublished.ts). Neither
 * may leak: not as a page, in a list, feed, sitemap, related link or the search index.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { listFiles } from '../helpers/file-tree.ts';
import { SITES } from '../sites.ts';
import { UNPUBLISHED_TOKEN } from './unpublished.ts';

test('the unpublished token appears in no built file', () => {
  const dist = SITES.corpus.outDir;
  const files = listFiles(dist, (file) => /\.(html|xml|txt|json|js)$/.test(file));
  expect(files.length).toBeGreaterThan(100);
  const leaking = files.filter((file) => readFileSync(join(dist, file), 'utf8').includes(UNPUBLISHED_TOKEN));
  expect(leaking).toEqual([]);
});

test('the draft and the embargoed article have no page', async ({ request }) => {
  expect((await request.get('/articles/2024/06/unpublished-draft/')).status()).toBe(404);
  expect((await request.get('/articles/2099/01/embargoed/')).status()).toBe(404);
  expect((await request.get('/archive/2099/')).status()).toBe(404);
});

test('searching for the unpublished token finds nothing, in Pagefind itself or on the search page', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent(UNPUBLISHED_TOKEN)}`);
  await expect(page.locator('[data-search-status]')).toContainText('没有找到');
  // The index files are compressed, so ask Pagefind directly too.
  const raw = await page.evaluate(async (token) => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    // Every part of the index, as the search page merges them.
    const { parts } = (await (await fetch('/pagefind/parts.json')).json()) as { parts: { path: string }[] };
    for (const part of parts.slice(1)) await pagefind.mergeIndex(`/pagefind/${part.path}`);
    return (await pagefind.search(token)).results.length;
  }, UNPUBLISHED_TOKEN);
  expect(raw).toBe(0);
});
