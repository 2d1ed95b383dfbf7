import { expect, test } from '@playwright/test';
import { seedArticles } from './seed-articles.ts';
import { at } from './site.ts';

for (const article of seedArticles()) {
  test(`${article.title}: the page shows the seed text exactly`, async ({ page }) => {
    await page.goto(at(article.path));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('h1')).toHaveText(article.title);
    await expect(page.locator('.article__subtitle')).toHaveText(article.subtitle);
    await expect(page.locator('.article__meta time').first()).toHaveText(article.date);
    const paragraphs = await page.locator('.article__body p').allTextContents();
    expect(paragraphs).toEqual(article.paragraphs);
    // The dateline stays in the text; bylines are data, not body text.
    expect(paragraphs[0]).toMatch(/^本报讯 /);
    expect(paragraphs.join('')).not.toContain('记者 唐善普');
  });
}

test('bylines are shown by role, with the /图 credit and links to the people', async ({ page }) => {
  await page.goto(at('/articles/2024/05/project-review-q1-economy/'));
  await expect(page.locator('.byline')).toHaveText(/记者\s*唐善普\s*通讯员\s*白博文\/图/);
  await page.locator('.byline').getByRole('link', { name: '白博文' }).click();
  await expect(page.locator('h1')).toContainText('白博文');
  await expect(page.locator('.article-list__title')).toHaveText(['中原区举行重大项目建设观摩暨一季度经济运行分析会议']);
});

test('the 白博 byline is kept as printed, with the editor’s note', async ({ page }) => {
  await page.goto(at('/articles/2024/05/safety-inspection/'));
  await expect(page.locator('.byline')).toHaveText(/通讯员\s*白博$/);
  await expect(page.locator('.article__notes')).toContainText('白博文');
});

test('home lists the articles newest first and leads to an article and back through previous/next', async ({ page }) => {
  await page.goto(at('/'));
  const titles = page.locator('.article-list__title a');
  await expect(titles).toHaveCount(3);
  await expect(titles.last()).toHaveText('中原区领导调研安全生产工作');
  await titles.first().click();
  await expect(page).toHaveURL(/\/articles\/2024\/05\//);
  const first = await page.locator('h1').textContent();
  await page.locator('a[rel="prev"]').click();
  await expect(page.locator('h1')).not.toHaveText(first ?? '');
  await page.locator('a[rel="next"]').click();
  await expect(page.locator('h1')).toHaveText(first ?? '');
});

test('archive, column, tag and people pages list the right articles', async ({ page }) => {
  await page.goto(at('/archive/'));
  await expect(page.locator('main')).toContainText('2024年');
  await page.getByRole('link', { name: '5月', exact: true }).click();
  await expect(page.locator('h1')).toContainText('2024年5月');
  await expect(page.locator('.article-list__title')).toHaveCount(3);

  await page.goto(at('/'));
  await page.locator('.column-nav').getByRole('link', { name: '安全应急' }).click();
  await expect(page.locator('.article-list__title')).toHaveText(['中原区领导调研安全生产工作']);

  await page.goto(at('/tags/'));
  await page.getByRole('link', { name: '三化改造' }).click();
  await expect(page.locator('.article-list__title')).toHaveText(['中原区召开加快工业企业“三化改造”暨推进新型工业化大会']);

  await page.goto(at('/people/'));
  await page.getByRole('link', { name: '李晓雷' }).click();
  await expect(page.locator('.article-list__title')).toHaveCount(2);
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto(at('/articles/2099/01/no-such-article/'));
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('页面未找到');
});

test('pages fit a 320 px wide phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', '/articles/2024/05/project-review-q1-economy/', '/search/?q=李晓雷', '/archive/']) {
    await page.goto(at(path));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
