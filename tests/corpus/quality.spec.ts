/**
 * Search quality, measured in Chromium on the evaluation site (the archive plus the fixture corpus):
 * every query of tests/fixtures/search-queries.json goes through the real search page, and the article
 * ids it shows are scored. Fails when quality drops below the thresholds.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { markdownTable, summarize, type EvalQuery, type QueryOutcome } from './metrics.ts';

const queries = JSON.parse(readFileSync('tests/fixtures/search-queries.json', 'utf8')) as EvalQuery[];
const THRESHOLDS = { recallAt5: 0.95, mrr: 0.9 };

/** Types the query into the search form, as a reader does, and returns the ids of the results shown. */
async function searchIds(page: Page, query: string): Promise<string[]> {
  await page.locator('#q').fill(query);
  await page.locator('#q').press('Enter');
  // The status names the query once this search (not the previous one) has finished.
  await expect(page.locator('[data-search-status]')).toContainText(`“${query.trim()}”`, { timeout: 15_000 });
  await expect(page.locator('[data-search-status]')).toHaveText(/找到/);
  const hrefs = await page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  return hrefs.map((href) => decodeURIComponent(href).replace(/^\/articles\/|\/$/g, ''));
}

test('search quality: recall@5 and MRR per kind of query', async ({ page }) => {
  test.setTimeout(300_000);
  expect(queries.length).toBeGreaterThanOrEqual(80);
  const outcomes: QueryOutcome[] = [];
  await page.goto('/search/');
  for (const query of queries) outcomes.push({ ...query, results: await searchIds(page, query.query) });

  const summary = summarize(outcomes);
  const table = markdownTable(summary);
  const misses = outcomes
    .filter((outcome) => outcome.expected.length > 0 ? !outcome.expected.slice(0, 5).every((id) => outcome.results.slice(0, 5).includes(id)) || outcome.results[0] !== undefined && !outcome.expected.includes(outcome.results[0]) : outcome.results.length > 0)
    .map((outcome) => `- ${outcome.kind} “${outcome.query}”: expected ${outcome.expected.join(', ') || 'nothing'}; got ${outcome.results.slice(0, 6).join(', ') || 'nothing'}`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/search-quality.json', JSON.stringify({ summary, outcomes }, null, 2));
  writeFileSync('test-results/search-quality.md', `${table}\n\nImperfect queries:\n${misses.join('\n') || '- none'}\n`);
  console.log(`\n${table}\n${misses.join('\n')}`);

  for (const outcome of outcomes.filter((o) => o.kind === 'nothing')) {
    expect(outcome.results, `“${outcome.query}” must find nothing`).toEqual([]);
  }
  expect(summary.overall.recallAt5).toBeGreaterThanOrEqual(THRESHOLDS.recallAt5);
  expect(summary.overall.mrr).toBeGreaterThanOrEqual(THRESHOLDS.mrr);
});

test('more results load without reloading the page', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('中原区')}`);
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/找到 \d+ 篇/);
  const total = Number(/找到 (\d+) 篇/.exec((await status.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(20);
  await expect(page.locator('.search-result')).toHaveCount(20);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole('button', { name: '显示更多结果' }).click();
  await expect(page.locator('.search-result')).toHaveCount(Math.min(40, total));
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});
