/**
 * A second newsroom is a second config and its articles: the site built from them shows that newsroom's name,
 * columns, 备案 footer and colour, finds its articles, and says nothing of the example newsroom anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { listFiles } from '../helpers/file-tree.ts';
import { SITES } from '../sites.ts';

const SECOND_SITE = SITES['second-site'];
const { newsroom } = SECOND_SITE.newsroom;

test('the home page shows the newsroom’s name, its columns and its footer with both 备案 numbers linked', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('青苇新闻：青苇区融媒体新闻档案');
  // Its masthead in place of the name, loaded and at the size its file gives (so nothing moves when it arrives).
  const masthead = page.getByRole('link', { name: '青苇新闻' }).locator('img');
  await expect(masthead).toHaveAttribute('src', /^\/newsroom\/masthead-[0-9a-f]{10}\.svg$/);
  await expect(masthead).toHaveAttribute('width', '300');
  await expect(masthead).toHaveAttribute('height', '60');
  expect(await masthead.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(300);
  // Its icon in the tab, its own PNG.
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveAttribute('type', 'image/png');
  const iconResponse = await page.request.get((await icon.getAttribute('href'))!);
  expect(iconResponse.ok()).toBe(true);
  expect(Buffer.from(await iconResponse.body()).equals(readFileSync(newsroom.icon!))).toBe(true);
  await expect(page.locator('header nav a[href^="/columns/"]')).toHaveText(['要闻', '乡村振兴', '生态环保', '便民服务']);
  const footer = page.locator('footer.site-footer');
  await expect(footer).toContainText('主办单位：青苇区融媒体中心');
  await expect(footer).toContainText('地址：青苇区芦花大道8号');
  await expect(footer).toContainText('新闻热线：0000-87654321');
  await expect(footer).toContainText('© 2025 青苇区融媒体中心');
  await expect(footer.getByRole('link', { name: '湘ICP备2099000001号-1' })).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
  await expect(footer.getByRole('link', { name: '湘公网安备43999902000001号' })).toHaveAttribute('href', 'https://beian.mps.gov.cn/#/query/webSearch?code=43999902000001');
  // The theme colour, as the browser computes it in the light scheme.
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', newsroom.themeColor.light);
  const accent = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--color-accent)';
    document.body.append(probe);
    return getComputedStyle(probe).color;
  });
  expect(accent).toBe('rgb(22, 101, 52)');
  await expect(page.locator('main')).toContainText('青苇湿地开展春季鸟类调查');
  await expect(page.locator('main')).toContainText('10路公交延伸至芦花村');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`its home page, masthead and theme colour included, has no accessibility violations (${colorScheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('its column pages list its articles, and the example newsroom’s columns do not exist', async ({ page }) => {
  await page.goto('/columns/ecology/');
  await expect(page.locator('h1')).toHaveText(/^生态环保\s*1 篇$/);
  await expect(page.locator('main')).toContainText('青苇湿地开展春季鸟类调查');
  await expect(page.locator('main')).not.toContainText('10路公交延伸至芦花村');
  expect((await page.goto('/columns/politics/'))?.status()).toBe(404);
});

test('an article says where it was printed, and the e-paper view lists it', async ({ page }) => {
  await page.goto('/articles/2025/03/wetland-bird-survey/');
  await expect(page.locator('h1')).toContainText('青苇湿地开展春季鸟类调查');
  await expect(page.locator('article')).toContainText('刊于2025年3月19日第2版');
  await expect(page.locator('article a[href="/columns/ecology/"]').first()).toHaveText('生态环保');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  const publisher = jsonLd.publisher ?? jsonLd['@graph']?.find((node: { publisher?: unknown }) => node.publisher)?.publisher;
  expect(publisher?.name).toBe('青苇区融媒体中心');
  expect(publisher?.logo?.url).toMatch(/^https:\/\/news\.qingwei\.example\/newsroom\/masthead-[0-9a-f]{10}\.svg$/);
  await page.goto('/editions/2025/03-19/');
  await expect(page.locator('main')).toContainText('第2版');
  await expect(page.locator('main a[href="/articles/2025/03/wetland-bird-survey/"]')).toBeVisible();
});

test('the search finds its articles', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('白琵鹭')}`);
  await expect(page.locator('[data-search-status]')).toHaveText('找到 1 篇包含“白琵鹭”的报道。');
  await expect(page.locator('[data-search-results] a').first()).toHaveText('青苇湿地开展春季鸟类调查');
  await expect(page.locator('select[name="column"] option')).toHaveText(['全部栏目', '要闻', '乡村振兴', '生态环保', '便民服务']);
});

test('no page, feed or sitemap of the built site names the example newsroom', () => {
  const files = listFiles(SECOND_SITE.outDir, (file) => /\.(?:html|xml|txt|json)$/.test(file) && !file.startsWith('pagefind/'));
  expect(files.length).toBeGreaterThan(20);
  const naming = files.filter((file) => /中原|郑州/.test(readFileSync(join(SECOND_SITE.outDir, file), 'utf8')));
  expect(naming).toEqual([]);
  const feed = readFileSync(join(SECOND_SITE.outDir, 'rss.xml'), 'utf8');
  expect(feed).toContain('<title>青苇新闻</title>');
});

test('the web editor its config asks for is at /admin/, signs in to its forge, and its reader pages load none of it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  // Reader pages: no script of the editor, and no link to it; an article page's scripts within the budget of
  // tests/e2e/script-budget.spec.ts (2 KB), as on a site without the editor.
  const loaded: string[] = [];
  const scripts: Promise<number>[] = [];
  page.on('request', (request) => void loaded.push(new URL(request.url()).pathname));
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => body.length));
  });
  for (const path of ['/', '/articles/2025/03/wetland-bird-survey/']) {
    scripts.length = 0; // the budget is the article page's, the last
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('a[href*="admin"]').count()).toBe(0);
  }
  expect(loaded.filter((path) => path.startsWith('/admin/'))).toEqual([]);
  const inline = await page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>('script:not([src])')].filter((script) => !script.type || script.type === 'module').reduce((sum, script) => sum + new TextEncoder().encode(script.text).length, 0));
  expect(inline + (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0)).toBeLessThanOrEqual(2048);

  await page.goto('/admin/');
  await expect(page).toHaveTitle(`稿件编辑 · ${newsroom.name}`);
  const config = JSON.parse((await page.locator('#editor-config').textContent())!) as { backend: Record<string, string>; collections: { fields: { name: string; options?: { value: string }[] }[] }[] };
  expect(config.backend).toMatchObject({ name: 'forgejo', repo: 'qingwei/news-archive', api_root: 'https://git.qingwei.example/api/v1' });
  expect(config.collections[0]!.fields.find((field) => field.name === 'column')!.options!.map((option) => option.value)).toEqual(newsroom.columns.map((column) => column.name));
  // Decap's sign-in, in Chinese, offering the newsroom's forge.
  await expect(page.getByRole('button', { name: /Forgejo/ })).toBeVisible();
  expect(violations).toEqual([]);
});
