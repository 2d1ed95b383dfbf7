import { expect, test, type Page } from '@playwright/test';
import { at } from './site.ts';

const PROJECT_REVIEW = '中原区举行重大项目建设观摩暨一季度经济运行分析会议';
const SAFETY = '中原区领导调研安全生产工作';
const CONFERENCE = '中原区召开加快工业企业“三化改造”暨推进新型工业化大会';

/** Waits for the search to finish and returns the result titles, sorted (the check is for the set). */
async function resultTitles(page: Page): Promise<string[]> {
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveText(/找到|没有找到|请输入/);
  return (await page.locator('.search-result h2').allTextContents()).sort();
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

for (const [query, expected] of cases) {
  test(`searching ${query} finds exactly the articles that contain it`, async ({ page }) => {
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

test('queries of only spaces or punctuation, markup and very long text are handled safely', async ({ page }) => {
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

test('a 2-character fragment, a traditional-character query and a two-term query find their article', async ({ page }) => {
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

  // No article has 李晓雷燃气 as written; the safety inspection has both words apart: offered, not listed.
  await page.goto(at(`/search/?q=${encodeURIComponent('李晓雷燃气')}`));
  expect(await resultTitles(page)).toEqual([]);
  await page.locator('[data-search-suggestion]').getByRole('link', { name: '李晓雷 燃气' }).click();
  expect(await resultTitles(page)).toEqual([SAFETY]);
  await expect(page.locator('#q')).toHaveValue('李晓雷 燃气');
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

test('the search form works by keyboard alone and announces the result count', async ({ page }) => {
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
