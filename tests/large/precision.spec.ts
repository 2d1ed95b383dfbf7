/**
 * The search on a large archive (the `large` site of tests/sites.ts: the corpus inside 3,000 synthetic articles
 * whose sentences are the corpus's own, searched in steps): every result shown for a text query contains the query, and once
 * the whole archive is searched the results are exactly the articles that contain it and the count says so.
 * Results shown for something other than the text typed — the words of a query apart, a same-pinyin word, a
 * date — say why and are right.
 *
 * The truth is computed here from the Markdown, independently of the search page's matching: the article's
 * indexed text (lib/search/build/records.ts, what the page shows in excerpts) in Unicode NFKC form, without white
 * space, contains every term of the query.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { isoDay } from '../../src/lib/dates.ts';
import { indexedText } from '../../src/lib/search/build/records.ts';
import { readRenderedArchive } from '../../src/markdown.ts';
import { dateQueryDays, parseDateQuery } from '../../src/lib/search/browser/date-query.ts';
import { pinyinKeys } from '../../src/lib/search/same-pinyin.ts';
import { tonelessReadings } from '../../src/lib/search/build/pinyin-readings.ts';
import type { EvalQuery } from '../corpus/metrics.ts';
import { readOn } from '../helpers/search-page.ts';
import { SITES } from '../sites.ts';

/** A query with at most this many true results is walked to the end; others are checked for a screen. */
const WALK_TO_THE_END = 60;
const TEXT_KINDS = new Set(['phrase', 'fragment', 'name', 'two-terms', 'date-number', 'byline', 'full-width', 'ranking', 'nothing']);

const queries = JSON.parse(readFileSync('tests/fixtures/search-queries.json', 'utf8')) as EvalQuery[];
const normalize = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
interface TrueArticle {
  id: string;
  day: string;
  text: string;
}
/** The published articles as the build reads them (the archive's source, the article pipeline), with their indexed text. */
let archive: TrueArticle[] = [];
let byId = new Map<string, TrueArticle>();
test.beforeAll(async () => {
  const { articles, problems } = await readRenderedArchive(SITES.large.contentDir, { columns: SITES.large.newsroom.newsroom.columns, now: new Date() });
  if (problems.length) throw new Error(`${problems.length} problems in the large archive, first: ${problems[0]!.message}`);
  archive = articles
    .filter((article) => article.published)
    .map(({ id, data, rendered }) => ({ id, day: isoDay(data.date), text: normalize(`${data.title} ${indexedText(data, rendered.body.lines)}`) }));
  byId = new Map(archive.map((article) => [article.id, article]));
});

/** The articles whose text contains every space-separated term of the query (trimmed of punctuation). */
function articlesContaining(query: string): Set<string> {
  const terms = query
    .split(/\s+/u)
    .map((term) => normalize(term).replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter(Boolean);
  return new Set(archive.filter((article) => terms.every((term) => article.text.includes(term))).map((article) => article.id));
}

const idOf = (href: string) => decodeURIComponent(new URL(href, 'http://x').pathname).replace(/^\/articles\/|\/$/g, '');

/**
 * Opens a search address: the first of a test loads the search page, the others go to it in that page as the
 * back and forward buttons do (history and the page's popstate handler), so that a test opens the index once
 * rather than once per query. The status line is emptied first: what it says next is the new search's.
 */
async function openSearch(page: Page, url: string): Promise<void> {
  if (!new URL(page.url()).pathname.endsWith('/search/')) {
    await page.goto(url);
    return;
  }
  await page.evaluate((address) => {
    document.querySelector('[data-search-status]')!.textContent = '';
    history.pushState(null, '', address);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

/** Searches, then presses "more" until the archive is searched (or `enough` results are shown); returns ids and status. */
async function search(page: Page, url: string, enough: number): Promise<{ shown: string[]; status: string; complete: boolean }> {
  await openSearch(page, url);
  // The first search opens the index of a large archive: more time than readOn's wait.
  await expect(page.locator('[data-search-status]')).toHaveText(/找到|共 \d+ 篇/, { timeout: 30_000 });
  const { groups, status, complete } = await readOn(page, { enough, withDated: false });
  return { shown: groups.flat(), status, complete };
}

// One test per kind of query, so that the two workers share the walk.
for (const kind of TEXT_KINDS) {
  test(`every result of a text query (${kind}) contains it, and the whole archive gives exactly the true results and count`, async ({ page }) => {
    test.setTimeout(300_000);
    expect(archive.length).toBeGreaterThan(3000);
    const ofKind = queries.filter((query) => query.kind === kind);
    expect(ofKind.length).toBeGreaterThan(0);
    let walked = 0;
    let shownInAll = 0;
    for (const query of ofKind) {
      const truth = articlesContaining(query.query);
      const enough = truth.size <= WALK_TO_THE_END ? Infinity : 20;
      // As typed: no 繁→简 conversion or same-pinyin word in its place. A query that must find nothing is searched
      // over the whole archive at once (sort=overall), in one step: walking it step by step to the end took two
      // minutes of the suite, and the steps are walked by every other kind.
      const overall = kind === 'nothing' ? '&sort=overall' : '';
      const { shown, status, complete } = await search(page, `/search/?q=${encodeURIComponent(query.query)}&typed=1${overall}`, enough);
      shownInAll += shown.length;
      const wrong = shown.filter((id) => !truth.has(id));
      expect(wrong, `“${query.query}”: shown without the query in the text`).toEqual([]);
      expect(new Set(shown).size, `“${query.query}”: an article shown twice`).toBe(shown.length);
      if (truth.size > WALK_TO_THE_END) continue;
      expect(complete, `“${query.query}”: the search ends`).toBe(true);
      walked += 1;
      const missing = [...truth].filter((id) => !shown.includes(id));
      expect(missing, `“${query.query}”: in the text but not found (status: ${status})`).toEqual([]);
      // (For a date, the text matches follow the articles published then: 找到 N 篇文字包含….)
      expect(status, `“${query.query}”`).toMatch(truth.size === 0 ? /没有找到(?:文字)?包含/ : new RegExp(`找到 ${truth.size} 篇(?:文字)?包含`));
    }
    console.log(`large archive, ${kind}: ${ofKind.length} text queries, ${walked} searched to the end, ${shownInAll} results shown, all containing the query`);
  });
}

test('words run together or asked as a question: the first tier contains the query, the second every word its note names', async ({ page }) => {
  test.setTimeout(300_000);
  let secondTier = 0;
  for (const query of queries.filter((q) => ['run-together', 'question', 'reordered'].includes(q.kind))) {
    await openSearch(page, `/search/?q=${encodeURIComponent(query.query)}`);
    const status = page.locator('[data-search-status]');
    await expect(status).toHaveText(/找到/, { timeout: 30_000 });
    await expect(page.locator('[data-search-results]:not([aria-busy])')).toBeAttached();
    const hrefs = (selector: string) => page.locator(selector).evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    const exact = (await hrefs('.search-results:not(.search-results--words) .search-result__title a')).map(idOf);
    const byWords = (await hrefs('.search-results--words .search-result__title a')).map(idOf);
    const truth = articlesContaining(query.query);
    expect(exact.filter((id) => !truth.has(id)), `“${query.query}”: first tier without the query`).toEqual([]);
    if (byWords.length === 0) continue;
    // The words the note names, each of which every article of the second tier contains (truth from the Markdown).
    const note = (await page.locator('.search-tier__note').first().textContent()) ?? '';
    const words = [...note.matchAll(/“(.+?)”/g)].map((match) => match[1]!);
    expect(words.length, note).toBeGreaterThan(0);
    const having = articlesContaining(words.join(' '));
    expect(byWords.filter((id) => !having.has(id)), `“${query.query}” (${words.join(' ')}): second tier without every word`).toEqual([]);
    expect(new Set([...exact, ...byWords]).size, `“${query.query}”: an article shown twice`).toBe(exact.length + byWords.length);
    secondTier += byWords.length;
  }
  expect(secondTier).toBeGreaterThan(0);
  console.log(`large archive: ${secondTier} second-tier results of run-together and question queries, each with every word its note names`);
});

for (const kind of ['same-pinyin', 'body-same-pinyin', 'pinyin']) {
  test(`same-pinyin suggestions (${kind}) on a large archive say why they are shown and are right`, async ({ page }) => {
    test.setTimeout(300_000);
    const toneless = (word: string) => new Set(pinyinKeys(word, tonelessReadings));
    let shownInstead = 0;
    const ofKind = queries.filter((q) => q.kind === kind);
    expect(ofKind.length).toBeGreaterThan(0);
    for (const query of ofKind) {
      let { shown, status } = await search(page, `/search/?q=${encodeURIComponent(query.query)}`, 20);
      // The archive does not know the word as typed: the results of the other word, with the note (and, when
      // only the newest articles were searched for it, which).
      const said = /^(?:已查找.+?的报道，)?没有找到“(.+?)”，以下是“(.+?)”的结果。/.exec(status);
      let instead: string;
      if (said) {
        expect(said[1]).toBe(query.query);
        instead = said[2]!;
        shownInstead += 1;
      } else {
        // The slip makes words the archive has (老旧小曲: 老旧 and 小曲, found apart): the word read so is offered.
        expect(query.kind, `“${query.query}”: ${status}`).not.toBe('pinyin');
        const offer = page.locator('[data-search-suggestion]');
        await expect(offer, `“${query.query}”: ${status}`).toContainText('您是不是要找：');
        instead = (await offer.locator('a').textContent())!;
        ({ shown } = await search(page, (await offer.locator('a').getAttribute('href'))!, 20));
      }
      // The word searched instead sounds the same when typed without tones (or is read as the letters typed),
      // and every result contains it.
      const keys = [...toneless(instead)];
      const sounds = query.kind === 'pinyin' ? keys.some((key) => key.replaceAll(' ', '') === query.query) : keys.some((key) => toneless(query.query).has(key));
      expect(sounds, `${instead} for ${query.query}`).toBe(true);
      expect(shown.length).toBeGreaterThan(0);
      const truth = articlesContaining(instead);
      expect(shown.filter((id) => !truth.has(id)), `“${instead}”`).toEqual([]);
      expect(articlesContaining(query.query).size, `“${query.query}” itself finds nothing`).toBe(0);
    }
    console.log(`large archive, ${kind}: results of the same-pinyin word shown with the note for ${shownInstead} queries, offered as a link for the others`);
  });
}

test('date results on a large archive say why they are shown and are right', async ({ page }) => {
  test.setTimeout(300_000);
  for (const query of queries.filter((q) => q.kind === 'date-with-year')) {
    const days = new Set(dateQueryDays(parseDateQuery(query.query)!));
    const truth = archive.filter((article) => days.has(article.day));
    await openSearch(page, `/search/?q=${encodeURIComponent(query.query)}`);
    const status = page.locator('[data-search-status]');
    await expect(status).toContainText(truth.length ? `发布的报道共 ${truth.length} 篇。` : '没有发布的报道。', { timeout: 30_000 });
    const dated = page.locator('.search-group--date');
    if (truth.length === 0) continue;
    await expect(dated.locator('h2')).toContainText(`（${truth.length} 篇）`);
    const shownDated = (await dated.locator('.search-result__title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))).map(idOf);
    expect(shownDated.length).toBe(Math.min(20, truth.length));
    for (const id of shownDated) expect(days.has(byId.get(id)!.day), `${id} for ${query.query}`).toBe(true);
  }
});
