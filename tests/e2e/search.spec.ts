import { expect, test, type Page } from '@playwright/test';
import { ANY_BASE_PATH_TAG } from '../sites.ts';
import { at } from './site.ts';

const PROJECT_REVIEW = '中原区举行重大项目建设观摩暨一季度经济运行分析会议';
const SAFETY = '中原区领导调研安全生产工作';
const CONFERENCE = '中原区召开加快工业企业“三化改造”暨推进新型工业化大会';

/** Waits for the search to finish and returns the titles of the results that contain the query as typed, sorted. */
async function resultTitles(page: Page): Promise<string[]> {
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/找到|没有找到|请输入/);
  await expect(page.locator('[data-search-results]:not([aria-busy])')).toBeAttached();
  return (await page.locator('.search-results:not(.search-results--words) .search-result h2').allTextContents()).sort();
}

/** The titles of the second tier's results: every word of the query, anywhere. */
async function wordResultTitles(page: Page): Promise<string[]> {
  await resultTitles(page);
  return (await page.locator('.search-results--words .search-result h2').allTextContents()).sort();
}

const cases: [string, string[]][] = [
  ['三化改造', [CONFERENCE]],
  ['燃气安全', [SAFETY]],
  ['半年红', [PROJECT_REVIEW]],
  ['李晓雷', [PROJECT_REVIEW, SAFETY]],
  ['郑大智能', [PROJECT_REVIEW, SAFETY]],
  ['5月6日', [PROJECT_REVIEW]],
  ['李晓雷 燃气', [SAFETY]],
  // The reporter of all three, in their bylines only; full-width digits as an input method types them.
  ['唐善普', [PROJECT_REVIEW, SAFETY, CONFERENCE]],
  ['５月６日', [PROJECT_REVIEW]],
  ['火星移民', []],
];

/** Left out of the sub-path run, which keeps the tests of what the page fetches and links under the base path. */
const ANY_BASE_PATH = { tag: ANY_BASE_PATH_TAG };

for (const [query, expected] of cases) {
  test(`searching ${query} finds exactly the articles that contain it`, ANY_BASE_PATH, async ({ page }) => {
    await page.goto(at(`/search/?q=${encodeURIComponent(query)}`));
    expect(await resultTitles(page)).toEqual([...expected].sort());
    await expect(page.locator('#q')).toHaveValue(query);
  });
}

test('typing a query and pressing Enter searches and puts the query in the URL', async ({ page }) => {
  await page.goto(at('/search/'));
  await page.locator('#q').fill('三化改造');
  await page.locator('#q').press('Enter');
  expect(await resultTitles(page)).toEqual([CONFERENCE]);
  await expect(page).toHaveURL(/\?q=%E4%B8%89%E5%8C%96%E6%94%B9%E9%80%A0$/);
  await expect(page.locator('[data-search-status]')).toHaveText('找到 1 篇包含“三化改造”的报道。');
  await expect(page.locator('.search-result mark').first()).toHaveText('三化改造');

  await page.locator('#q').fill('半年红');
  await page.locator('#q').press('Enter');
  expect(await resultTitles(page)).toEqual([PROJECT_REVIEW]);
  await page.goBack();
  await expect(page.locator('#q')).toHaveValue('三化改造');
  expect(await resultTitles(page)).toEqual([CONFERENCE]);
});

test('the header search box leads to the search page', async ({ page }) => {
  await page.goto(at('/'));
  await page.locator('#header-q').fill('燃气安全');
  await page.locator('#header-q').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  expect(await resultTitles(page)).toEqual([SAFETY]);
});

test('a result opens the article with the searched words marked', async ({ page }) => {
  await page.goto(at(`/search/?q=${encodeURIComponent('郑大智能')}`));
  await resultTitles(page);
  await page.getByRole('link', { name: SAFETY }).click();
  await expect(page.locator('h1')).toHaveText(SAFETY);
  const marks = page.locator('.article__body mark');
  await expect(marks).toHaveCount(1);
  await expect(marks).toHaveText('郑大智能');
  await expect(marks).toBeInViewport();
});

test('queries of only spaces or punctuation, markup and very long text are handled safely', ANY_BASE_PATH, async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(at(`/search/?q=${encodeURIComponent(' ，。 ')}`));
  await expect(page.locator('[data-search-status]')).toHaveText(/只有空格或标点/);

  await page.goto(at(`/search/?q=${encodeURIComponent('<script>alert(1)</script>')}`));
  expect(await resultTitles(page)).toEqual([]);
  await expect(page.locator('[data-search-status]')).toContainText('<script>alert(1)</script>');
  expect(dialogs).toEqual([]);

  await page.goto(at(`/search/?q=${encodeURIComponent('李'.repeat(200))}`));
  expect(await resultTitles(page)).toEqual([]);
});

test('only articles are in the index, not navigation or list pages', async ({ page }) => {
  await page.goto(at('/search/'));
  const urls = await page.evaluate(async (indexUrl) => {
    const pagefind = await import(/* @vite-ignore */ indexUrl);
    const { results } = await pagefind.search('中原');
    const pages = await Promise.all(results.map((result: { data(): Promise<{ url: string }> }) => result.data()));
    return pages.map((data: { url: string }) => data.url).sort();
  }, new URL(at('/pagefind/pagefind.js'), page.url()).href);
  expect(urls).toEqual(
    ['/articles/2024/05/project-review-q1-economy/', '/articles/2024/05/safety-inspection/', '/articles/2024/05/three-transformations-conference/'].map(at),
  );
});

test('a 2-character fragment, a traditional-character query and a two-term query find their article', ANY_BASE_PATH, async ({ page }) => {
  await page.goto(at(`/search/?q=${encodeURIComponent('三化')}`));
  expect(await resultTitles(page)).toEqual([CONFERENCE]);

  await page.goto(at(`/search/?q=${encodeURIComponent('燃氣安全')}`));
  expect(await resultTitles(page)).toEqual([SAFETY]);
  await expect(page.locator('[data-search-status]')).toContainText('已把“燃氣安全”按简体“燃气安全”查找');
  await page.getByRole('link', { name: SAFETY }).click();
  await expect(page.locator('.article__body mark').first()).toHaveText('燃气安全');
  // Only the searched text is marked: the tag 燃气安全 below the article is a link, not a match.
  await expect(page.locator('.tag-list a', { hasText: '燃气安全' })).toBeVisible();
  await expect(page.locator('.tag-list mark, .byline mark, .article__meta mark')).toHaveCount(0);

});

test('words typed together, in the reader’s order or as a question, find the articles that have them all, after those that have the query as typed', async ({ page }) => {
  const status = page.locator('[data-search-status]');
  // No article has 李晓雷燃气 as written; the safety inspection has both words apart.
  await page.goto(at(`/search/?q=${encodeURIComponent('李晓雷燃气')}`));
  expect(await wordResultTitles(page)).toEqual([SAFETY]);
  expect(await resultTitles(page)).toEqual([]);
  await expect(status).toHaveText('没有找到包含“李晓雷燃气”的报道；找到 1 篇同时包含“李晓雷”“燃气”的报道。');
  await expect(page.locator('.search-tier__note')).toHaveText('以下报道同时包含“李晓雷”“燃气”');
  // Each word is marked, in the excerpt and on the article.
  expect(new Set(await page.locator('.search-results--words mark').allTextContents())).toEqual(new Set(['李晓雷', '燃气']));
  await page.getByRole('link', { name: SAFETY }).click();
  await expect(page.locator('.article__body mark').first()).toBeVisible();
  expect(new Set(await page.locator('.article__body mark').allTextContents())).toEqual(new Set(['李晓雷', '燃气']));

  // The article says 调研安全生产; a question's own words (去了, 哪些) are not what an article says.
  await page.goto(at(`/search/?q=${encodeURIComponent('安全生产调研')}`));
  expect(await wordResultTitles(page)).toEqual([SAFETY]);
  await page.goto(at(`/search/?q=${encodeURIComponent('李晓雷去了哪些企业')}`));
  expect(await wordResultTitles(page)).toEqual([PROJECT_REVIEW, SAFETY].sort());
  await expect(page.locator('.search-tier__note')).toHaveText('以下报道同时包含“李晓雷”“企业”');

  // The query as typed first, then the articles with its words apart: 三化 and 改造 are apart in none but the conference, which has 三化改造.
  await page.goto(at(`/search/?q=${encodeURIComponent('改造三化')}`));
  expect(await wordResultTitles(page)).toEqual([CONFERENCE]);
  // A phrase in quotes is searched as one phrase, never cut.
  await page.goto(at(`/search/?q=${encodeURIComponent('“安全生产调研”')}`));
  expect(await wordResultTitles(page)).toEqual([]);
  await expect(status).toHaveText(/^没有找到包含“安全生产调研”的报道。/);
});

test('a date as people write it is the day the articles write, as one unit', ANY_BASE_PATH, async ({ page }) => {
  for (const [query, day, expected] of [
    ['五月五日', '5月5日', [SAFETY]],
    ['5月6号', '5月6日', [PROJECT_REVIEW]],
  ] as const) {
    await page.goto(at(`/search/?q=${encodeURIComponent(query)}`));
    expect(await wordResultTitles(page)).toEqual(expected);
    await expect(page.locator('.search-tier__note')).toHaveText(`以下报道包含“${day}”`);
  }
  // 5月 and 7日 both occur, never together.
  await page.goto(at(`/search/?q=${encodeURIComponent('五月七日')}`));
  expect(await wordResultTitles(page)).toEqual([]);
});

test('pinyin typed without an input method finds the archive’s word of that reading, with a note', async ({ page }) => {
  const status = page.locator('[data-search-status]');
  await page.goto(at(`/search/?q=${encodeURIComponent('lixiaolei')}`));
  await expect(status).toHaveText('没有找到“lixiaolei”，以下是“李晓雷”的结果。找到 2 篇包含“李晓雷”的报道。');
  expect(await resultTitles(page)).toEqual([PROJECT_REVIEW, SAFETY].sort());
  await page.goto(at(`/search/?q=${encodeURIComponent('anquanshengchan')}`));
  await expect(status).toContainText('以下是“安全生产”的结果。');
  expect(await resultTitles(page)).toEqual([SAFETY]);
  // Latin text the archive has is text.
  await page.goto(at(`/search/?q=${encodeURIComponent('xyz')}`));
  await expect(status).toHaveText(/^没有找到包含“xyz”的报道。/);
});

/** Paths of the lexicon's pinyin and reading shards (lib/search/build/lexicon.ts) the page requests. */
function watchSamePinyinRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(at('/pagefind/lexicon/p')) || path.startsWith(at('/pagefind/lexicon/r'))) requested.push(path);
  });
  return requested;
}

test('a name typed with the wrong character of the same pinyin shows the results of the right one, with a note', async ({ page }) => {
  const requested = watchSamePinyinRequests(page);
  // The archive has 刘斌 (a person of the project review); 滨 is not in any article.
  await page.goto(at(`/search/?q=${encodeURIComponent('刘滨')}`));
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText('没有找到“刘滨”，以下是“刘斌”的结果。找到 1 篇包含“刘斌”的报道。');
  expect(await resultTitles(page)).toEqual([PROJECT_REVIEW]);
  await expect(page.locator('.search-result__excerpt mark').first()).toHaveText('刘斌');
  // The readings of 刘 and 滨, and the words read liu bin: a few small shards.
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.length).toBeLessThanOrEqual(4);
  // The link back searches the query as typed, and only that.
  await page.locator('[data-search-suggestion]').getByRole('link', { name: '仍然查找“刘滨”' }).click();
  await expect(status).toHaveText('没有找到包含“刘滨”的报道。可以换个说法，或减少搜索词、筛选条件。');
  await expect(page.locator('.search-result')).toHaveCount(0);
  await expect(page.locator('#q')).toHaveValue('刘滨');

  // A slip inside a longer term: the word of the archive is kept, the slip replaced.
  await page.goto(at(`/search/?q=${encodeURIComponent('经济运型')}`));
  await expect(status).toContainText('没有找到“经济运型”，以下是“经济运行”的结果。');
  expect(await resultTitles(page)).toEqual([PROJECT_REVIEW]);
  // A name that is only in an article's text, in a list of officials.
  await page.goto(at(`/search/?q=${encodeURIComponent('马素化')}`));
  await expect(status).toHaveText('没有找到“马素化”，以下是“马素华”的结果。找到 1 篇包含“马素华”的报道。');
  expect(await resultTitles(page)).toEqual([PROJECT_REVIEW]);
});

test('the same-pinyin files are loaded only for a query that found nothing, and never suggest what finds nothing', async ({ page }) => {
  const requested = watchSamePinyinRequests(page);
  for (const query of ['三化改造', '刘斌', '唐善普', '2024年5月']) {
    await page.goto(at(`/search/?q=${encodeURIComponent(query)}`));
    await expect(page.locator('[data-search-status]')).toHaveText(/找到 \d+ 篇|共 \d+ 篇/);
  }
  expect(requested).toEqual([]);
  // Nothing has its pinyin (火星移民), or the word of the same pinyin still finds nothing together (刘滨刘斌).
  for (const query of ['火星移民', '刘滨刘斌']) {
    await page.goto(at(`/search/?q=${encodeURIComponent(query)}`));
    await expect(page.locator('[data-search-status]')).toHaveText(`没有找到包含“${query}”的报道。可以换个说法，或减少搜索词、筛选条件。`);
    await expect(page.locator('[data-search-results]:not([aria-busy])')).toBeAttached();
    await expect(page.locator('.search-result')).toHaveCount(0);
    await expect(page.locator('[data-search-suggestion]')).toBeEmpty();
  }
  expect(requested.length).toBeGreaterThan(0);
});

test('a date with its year lists the articles published then, with a link to that day or month', async ({ page }) => {
  const status = page.locator('[data-search-status]');
  const dated = page.locator('.search-group--date');
  await page.goto(at(`/search/?q=${encodeURIComponent('2024年5月')}`));
  await expect(status).toHaveText('2024年5月发布的报道共 3 篇。没有找到文字包含“2024年5月”的报道。');
  await expect(dated.locator('h2')).toHaveText('2024年5月发布的报道（3 篇）');
  // Newest first: two of 5月6日, then 5月5日.
  await expect(dated.locator('.search-result__title a').last()).toHaveText(SAFETY);
  expect((await dated.locator('.search-result__title a').allTextContents()).sort()).toEqual([PROJECT_REVIEW, SAFETY, CONFERENCE].sort());
  await expect(dated.locator('.search-result__meta').first()).toContainText('2024年5月6日');
  await dated.getByRole('link', { name: '2024年5月的全部报道' }).click();
  await expect(page).toHaveURL(at('/archive/2024/05/'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2024年5月');

  for (const query of ['2024-05-05', '2024.5.5', '２０２４年５月５日', '二〇二四年五月五日', '2024年5月5号']) {
    await page.goto(at(`/search/?q=${encodeURIComponent(query)}`));
    await expect(status).toContainText('2024年5月5日发布的报道共 1 篇。');
    await expect(dated.locator('.search-result__title a')).toHaveText([SAFETY]);
    await expect(dated.getByRole('link', { name: '2024年5月5日的全部报道' })).toHaveAttribute('href', at('/archive/2024/05/05/'));
  }

  // A month nothing was published in says so; a year alone is a text query.
  await page.goto(at(`/search/?q=${encodeURIComponent('2024年6月')}`));
  await expect(status).toHaveText('2024年6月没有发布的报道。没有找到包含“2024年6月”的报道。可以换个说法，或减少搜索词、筛选条件。');
  await expect(dated).toHaveCount(0);
  await page.goto(at(`/search/?q=${encodeURIComponent('2024年')}`));
  await expect(status).toHaveText('没有找到包含“2024年”的报道。可以换个说法，或减少搜索词、筛选条件。');
  await expect(dated).toHaveCount(0);
});

test('filters and sorting narrow and order the results, live in the URL, and the back button restores them', async ({ page }) => {
  await page.goto(at(`/search/?q=${encodeURIComponent('李晓雷')}&sort=date`));
  await resultTitles(page);
  // Newest first: 5月6日 before 5月5日.
  await expect(page.locator('.search-result h2')).toHaveText([PROJECT_REVIEW, SAFETY]);
  await expect(page.getByRole('combobox', { name: '排序' })).toHaveValue('date');

  await page.getByRole('combobox', { name: '栏目' }).selectOption('安全应急');
  await expect(page).toHaveURL(/column=%E5%AE%89%E5%85%A8%E5%BA%94%E6%80%A5/);
  expect(await resultTitles(page)).toEqual([SAFETY]);
  await expect(page.locator('[data-search-status]')).toContainText('栏目“安全应急”');

  await page.getByRole('combobox', { name: '排序' }).selectOption('relevance');
  await expect(page).not.toHaveURL(/sort=date/);

  await page.goBack();
  await expect(page.getByRole('combobox', { name: '排序' })).toHaveValue('date');
  await page.goBack();
  await expect(page.getByRole('combobox', { name: '栏目' })).toHaveValue('');
  expect(await resultTitles(page)).toEqual([PROJECT_REVIEW, SAFETY]);

  await page.goto(at(`/search/?q=${encodeURIComponent('中原区')}&reporter=${encodeURIComponent('白博文')}`));
  expect(await resultTitles(page)).toEqual([PROJECT_REVIEW]);
  await expect(page.getByRole('combobox', { name: '记者' })).toHaveValue('白博文');

  await page.goto(at(`/search/?q=${encodeURIComponent('李晓雷')}&year=2023`));
  expect(await resultTitles(page)).toEqual([]);
  await expect(page.getByRole('combobox', { name: '年份' })).toHaveValue('2023');
});

test('the search form works by keyboard alone and announces the result count', ANY_BASE_PATH, async ({ page }) => {
  await page.goto(at('/search/'));
  await expect(page.locator('[data-search-status]')).toHaveAttribute('role', 'status');
  await page.locator('#q').focus();
  await page.keyboard.type('半年红');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-search-status]')).toHaveText('找到 1 篇包含“半年红”的报道。');
  // Tab from the box reaches the button and then the filters.
  await page.locator('#q').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.search-form button[type="submit"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: '栏目' })).toBeFocused();
});

test('without JavaScript the search page says it needs JavaScript and links to the archive', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(at('/search/?q=test'));
  await expect(page.locator('main')).toContainText('搜索需要在浏览器中启用 JavaScript');
  await expect(page.locator('main').getByRole('link', { name: '按日期浏览归档' })).toHaveAttribute('href', at('/archive/'));
  await context.close();
});
