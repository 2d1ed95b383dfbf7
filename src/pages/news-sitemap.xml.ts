/** Google News sitemap: the articles of the two days before the build. */
import type { APIRoute } from 'astro';
import { loadArchive } from '../data/archive.ts';
import { urls } from '../data/urls.ts';
import { isRecentNews, newsSitemapXml } from '../lib/archive/structured-data.ts';
import { buildTime, site, siteUrl } from 'virtual:news/settings';

export const GET: APIRoute = async () => {
  const { articles } = await loadArchive();
  const recent = articles
    .filter((article) => isRecentNews(article.data.date, buildTime))
    .map((article) => ({ url: new URL(urls.article(article.id), siteUrl).href, title: article.data.title, date: article.data.date }));
  return new Response(newsSitemapXml(recent, site.publisher), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
