import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { articleSchemaFor } from '../../src/lib/article/schema.ts';
import { isRecentNews, jsonForHtml, newsArticleJsonLd, newsSitemapXml } from '../../src/lib/archive/structured-data.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';

const articleSchema = articleSchemaFor(ZHONGYUAN.newsroom.columns);

const article = articleSchema.parse({
  title: '中原区领导调研安全生产工作',
  subtitle: '增强责任意识 坚决守住安全发展底线',
  date: '2024-05-05',
  updated: '2024-05-07',
  column: '安全应急',
  tags: ['安全生产', '燃气安全'],
  byline: [
    { role: '记者', name: '唐善普' },
    { role: '通讯员', name: '白博文', credit: '图' },
    { role: '编辑', name: '王编' },
  ],
  source: { publication: '中原报', page: '01' },
});
const site = { name: '中原新闻', homeUrl: 'https://news.example.org/', logoUrl: 'https://news.example.org/favicon.svg' };

describe('newsArticleJsonLd', () => {
  it('describes the article with the fields news aggregators read', () => {
    const data = newsArticleJsonLd(article, 'https://news.example.org/articles/a/', site, ['https://news.example.org/a.jpg']);
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: '中原区领导调研安全生产工作',
      alternativeHeadline: '增强责任意识 坚决守住安全发展底线',
      datePublished: '2024-05-04T16:00:00.000Z',
      dateModified: '2024-05-06T16:00:00.000Z',
      articleSection: '安全应急',
      inLanguage: 'zh-CN',
      printEdition: '中原报',
      printSection: '01',
      publisher: { '@type': 'Organization', name: '中原新闻' },
      image: ['https://news.example.org/a.jpg'],
    });
    expect(data.author).toEqual([
      { '@type': 'Person', name: '唐善普', jobTitle: '记者' },
      { '@type': 'Person', name: '白博文', jobTitle: '通讯员（摄影）' },
    ]);
  });

  it('leaves out what the article does not have', () => {
    const plain = newsArticleJsonLd(articleSchema.parse({ title: '标题', date: '2024-05-05', column: '安全应急' }), 'https://x/', site);
    expect(plain).not.toHaveProperty('alternativeHeadline');
    expect(plain).not.toHaveProperty('image');
    expect(plain.dateModified).toBe(plain.datePublished);
  });

  it('embeds safely in HTML', () => {
    expect(jsonForHtml({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('Google News sitemap', () => {
  it('keeps only the two days before the build, never the future', () => {
    const now = new Date('2024-05-07T12:00:00+08:00');
    expect(isRecentNews(new Date('2024-05-06T00:00:00+08:00'), now)).toBe(true);
    expect(isRecentNews(new Date('2024-05-05T00:00:00+08:00'), now)).toBe(false);
    expect(isRecentNews(new Date('2024-05-08T00:00:00+08:00'), now)).toBe(false);
  });

  it('is valid XML with one news entry per article', () => {
    const xml = newsSitemapXml([{ url: 'https://x/a/?a=1&b=2', title: '“三化改造”<大会>', date: new Date('2024-05-06T00:00:00+08:00') }], '中原新闻');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser().parse(xml);
    expect(parsed.urlset.url.loc).toBe('https://x/a/?a=1&b=2');
    expect(parsed.urlset.url['news:news']['news:title']).toBe('“三化改造”<大会>');
    expect(parsed.urlset.url['news:news']['news:publication']['news:language']).toBe('zh-cn');
  });
});
