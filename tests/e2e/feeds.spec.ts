import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { publishedArticleIds } from './published.ts';
import { at, publicUrl } from './site.ts';

const parser = new XMLParser({ ignoreAttributes: false });
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const articleUrls = () => publishedArticleIds().map((id) => publicUrl(`/articles/${id}/`));

async function xml(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const text = await response.text();
  expect(XMLValidator.validate(text), path).toBe(true);
  return parser.parse(text);
}

test('the RSS feed is valid XML with the full text of every published article', async ({ request }) => {
  const feed = await xml(request, at('/rss.xml'));
  const items = asList(feed.rss.channel.item);
  expect(items.map((item: { link: string }) => item.link).sort()).toEqual(articleUrls().sort());
  const safety = items.find((item: { link: string }) => item.link.includes('safety-inspection'));
  expect(safety['content:encoded']).toContain('五要严抓严管燃气安全');
  expect(safety['dc:creator']).toBe('记者 唐善普 通讯员 白博');
  expect(feed.rss.channel.language).toBe('zh-cn');
});

test('the sitemap index leads to a sitemap with every published article and no 404 page', async ({ request }) => {
  const index = await xml(request, at('/sitemap-index.xml'));
  const locations: string[] = [];
  for (const sitemap of asList(index.sitemapindex.sitemap) as { loc: string }[]) {
    expect(sitemap.loc.startsWith(publicUrl('/'))).toBe(true);
    const child = await xml(request, new URL(sitemap.loc).pathname);
    locations.push(...(asList(child.urlset.url) as { loc: string }[]).map((url) => url.loc));
  }
  for (const url of articleUrls()) expect(locations).toContain(url);
  expect(locations).toContain(publicUrl('/archive/2024/05/06/'));
  expect(locations.some((url) => url.includes('404'))).toBe(false);
});

test('the Google News sitemap is valid and robots.txt points at both sitemaps', async ({ request }) => {
  const news = await xml(request, at('/news-sitemap.xml'));
  expect(news.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  // The seed articles are from 2024, more than two days before any build now: none is news any more.
  expect(asList(news.urlset.url)).toEqual([]);
  const robots = await (await request.get(at('/robots.txt'))).text();
  expect(robots).toContain(`Sitemap: ${publicUrl('/sitemap-index.xml')}`);
  expect(robots).toContain(`Sitemap: ${publicUrl('/news-sitemap.xml')}`);
});

test('an article page has NewsArticle JSON-LD, canonical URL and Open Graph meta', async ({ page }) => {
  await page.goto(at('/articles/2024/05/project-review-q1-economy/'));
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
  expect(data).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: '中原区举行重大项目建设观摩暨一季度经济运行分析会议',
    alternativeHeadline: '力拼二季度 全面冲刺“半年红”',
    datePublished: '2024-05-05T16:00:00.000Z',
    dateModified: '2024-05-05T16:00:00.000Z',
    articleSection: '时政要闻',
    inLanguage: 'zh-CN',
    publisher: { '@type': 'Organization', name: '中原新闻' },
    url: publicUrl('/articles/2024/05/project-review-q1-economy/'),
  });
  expect(data.author).toEqual([
    { '@type': 'Person', name: '唐善普', jobTitle: '记者' },
    { '@type': 'Person', name: '白博文', jobTitle: '通讯员（摄影）' },
  ]);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', publicUrl('/articles/2024/05/project-review-q1-economy/'));
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute('content', '2024-05-05T16:00:00.000Z');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
});
