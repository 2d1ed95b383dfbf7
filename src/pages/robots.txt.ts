/** robots.txt with absolute sitemap addresses, which depend on SITE_URL and BASE_PATH. */
import type { APIRoute } from 'astro';
import { urls } from '../data/urls.ts';
import { siteUrl } from 'virtual:news/settings';

export const GET: APIRoute = () => {
  const absolute = (path: string) => new URL(urls.asset(path), siteUrl).href;
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absolute('sitemap-index.xml')}`, `Sitemap: ${absolute('news-sitemap.xml')}`, ''];
  return new Response(body.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
