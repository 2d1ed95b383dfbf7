/**
 * Search quality, measured in Chromium on the evaluation site (the archive plus the fixture corpus):
 * every query of tests/fixtures/search-queries.json goes through the real search page, and the article
 * ids it shows are scored. Fails when quality drops below the thresholds.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readOn } from '../helpers/search-page.ts';
import { brokenOrders, markdownTable, summarize, summarizeBest, type EvalQuery, type QueryOutcome } from './metrics.ts';

const queries = JSON.parse(readFileSync('tests/fixtures/search-queries.json', 'utf8')) as EvalQuery[];
const THRESHOLDS = { recallAt5: 0.95, mrr: 0.9 };

/**
 * Types the query into the search form and presses Enter, as a reader does, then reads on as a reader does:
 * presses the "more" button until five results are shown (or all there are), and on until the best article,
 * if the query has one, and the articles of a ranking case are shown. The corpus is searched in three steps
 * (its settings in tests/sites.ts), as a large archive is.
 */
async function searchAsReader(page: Page, query: EvalQuery): Promise<Omit<QueryOutcome, keyof EvalQuery>> {
  await page.locator('#q').fill(query.query);
  await page.locator('#q').press('Enter');
  const wanted = [...(query.best === undefined ? [] : [query.best]), ...(query.before ?? []).flat()];
  const { groups, presses, status } = await readOn(page, { statusNames: `“${query.query.trim()}”`, enough: 5, wanted, withDated: true });
  return { results: groups.flat(), groups, presses, status };
}

test('search quality: recall@5 and MRR per kind of query', async ({ page }) => {
  test.setTimeout(300_000);
  expect(queries.length).toBeGreaterThanOrEqual(80);
  const outcomes: QueryOutcome[] = [];
  await page.goto('/search/');
  for (const query of queries) outcomes.push({ ...query, ...(await searchAsReader(page, query)) });

  const summary = summarize(outcomes);
  const best = summarizeBest(outcomes);
  const table = `${markdownTable(summary)}\n\nBest article first in its period: ${best.firstInPeriod} of ${best.queries} queries; presses of “more” to reach it: ${best.meanPresses.toFixed(1)} on average.`;
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
  // Results shown for something other than the text typed say why.
  for (const outcome of outcomes.filter((o) => ['same-pinyin', 'body-same-pinyin', 'pinyin'].includes(o.kind))) {
    expect(outcome.status, outcome.query).toContain(`没有找到“${outcome.query}”，以下是“${outcome.searched}”的结果。`);
  }
  for (const outcome of outcomes.filter((o) => o.kind === 'date-with-year')) {
    expect(outcome.status, outcome.query).toMatch(/^\d{4}年\d{1,2}月(?:\d{1,2}日)?发布的报道共 \d+ 篇。/);
  }
  for (const outcome of outcomes.filter((o) => o.before)) {
    expect(brokenOrders(outcome), `“${outcome.query}”: ${outcome.results.join(', ')}`).toEqual([]);
  }
  expect(summary.overall.recallAt5).toBeGreaterThanOrEqual(THRESHOLDS.recallAt5);
  expect(summary.overall.mrr).toBeGreaterThanOrEqual(THRESHOLDS.mrr);
  for (const kind of summary.kinds) {
    expect(kind.recallAt5, `recall@5 of ${kind.kind}`).toBeGreaterThanOrEqual(THRESHOLDS.recallAt5);
    expect(kind.mrr, `MRR of ${kind.kind}`).toBeGreaterThanOrEqual(THRESHOLDS.mrr);
  }
  for (const kind of ['byline', 'full-width', 'same-pinyin', 'date-with-year', 'run-together', 'question', 'spoken-date', 'pinyin', 'body-same-pinyin']) {
    expect(summary.kinds.find((k) => k.kind === kind)?.queries ?? 0, kind).toBeGreaterThanOrEqual(10);
  }
  // Old articles are found and ranked: every best article, older than some of the articles that mention it,
  // comes first in its period.
  expect(best.queries).toBeGreaterThanOrEqual(4);
  expect(best.firstInPeriod).toBe(best.queries);
});

test('more results load without reloading the page', async ({ page }) => {
  // Over the whole archive at once, so that one step has more than a screen of results.
  await page.goto(`/search/?q=${encodeURIComponent('中原区')}&sort=overall`);
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/^找到 \d+ 篇/);
  const total = Number(/找到 (\d+) 篇/.exec((await status.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(20);
  await expect(page.locator('.search-result')).toHaveCount(20);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole('button', { name: '显示更多结果' }).click();
  await expect(page.locator('.search-result')).toHaveCount(Math.min(40, total));
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});
