/**
 * Machine-readable descriptions of pages for search engines and news aggregators:
 * schema.org NewsArticle JSON-LD and the Google News sitemap.
 */
import type { ArticleData } from '../article/schema.ts';

export interface SiteIdentity {
  name: string;
  /** Absolute URL of the home page. */
  homeUrl: string;
  logoUrl: string;
}

/** schema.org NewsArticle for an article page. `url` is the absolute canonical URL. */
/** The article fields the structured data uses (photos arrive as image URLs, already resolved). */
type DescribedArticle = Pick<ArticleData, 'title' | 'subtitle' | 'date' | 'updated' | 'byline' | 'column' | 'tags' | 'source'>;

export function newsArticleJsonLd(article: DescribedArticle, url: string, site: SiteIdentity, imageUrls: string[] = []) {
  const authors = article.byline
    .filter((entry) => entry.role !== '编辑')
    .map((entry) => ({
      '@type': 'Person',
      name: entry.name,
      jobTitle: entry.credit === '图' ? `${entry.role}（摄影）` : entry.role,
    }));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.title,
    ...(article.subtitle && { alternativeHeadline: article.subtitle }),
    datePublished: article.date.toISOString(),
    dateModified: (article.updated ?? article.date).toISOString(),
    author: authors,
    publisher: { '@type': 'Organization', name: site.name, url: site.homeUrl, logo: { '@type': 'ImageObject', url: site.logoUrl } },
    articleSection: article.column,
    keywords: article.tags.join(','),
    inLanguage: 'zh-CN',
    ...(article.source?.publication && { printEdition: article.source.publication }),
    ...(article.source?.page && { printSection: article.source.page }),
    ...(imageUrls.length > 0 && { image: imageUrls }),
  };
}

/** JSON for a <script type="application/ld+json">, safe to place in HTML (no `</script>` breakout). */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface NewsSitemapEntry {
  url: string;
  title: string;
  date: Date;
}

/** Google News sitemaps list only the last two days' articles. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

export function isRecentNews(date: Date, now: Date): boolean {
  return date.getTime() <= now.getTime() && now.getTime() - date.getTime() <= NEWS_SITEMAP_WINDOW_MS;
}

/** Text for XML element content and attribute values. */
export const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);

/** A Google News sitemap (news:news entries, language zh-cn). */
export function newsSitemapXml(entries: readonly NewsSitemapEntry[], publicationName: string): string {
  const urls = entries.map(
    (entry) => `  <url>
    <loc>${escapeXml(entry.url)}</loc>
    <news:news>
      <news:publication><news:name>${escapeXml(publicationName)}</news:name><news:language>zh-cn</news:language></news:publication>
      <news:publication_date>${entry.date.toISOString()}</news:publication_date>
      <news:title>${escapeXml(entry.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}
</urlset>
`;
}

