/**
 * RSS with the full text of the newest articles. Bounded: a feed of a ten-year archive would weigh
 * megabytes, and readers subscribe for what is new; the archive pages hold the rest.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadArchive, summaryOf } from '../data/archive.ts';
import { articleBodyHtml } from '../data/article-body.ts';
import { urls } from '../data/urls.ts';
import { formatByline } from '../lib/article/bylines.ts';
import { escapeXml } from '../lib/archive/structured-data.ts';
import { site, siteUrl } from 'virtual:news/settings';

export const FEED_SIZE = 50;

export const GET: APIRoute = async () => {
  const { articles } = await loadArchive();
  return rss({
    title: site.name,
    description: site.description,
    site: new URL(urls.home(), siteUrl).href,
    trailingSlash: true,
    customData: '<language>zh-cn</language>',
    // RSS's <author> wants an e-mail address; Dublin Core's creator takes the printed byline.
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    items: await Promise.all(articles.slice(0, FEED_SIZE).map(async (article) => ({
      title: article.data.subtitle ? `${article.data.title}：${article.data.subtitle}` : article.data.title,
      link: new URL(urls.article(article.id), siteUrl).href,
      pubDate: article.data.date,
      description: summaryOf(article),
      content: await articleBodyHtml(article),
      categories: [article.data.column, ...article.data.tags],
      customData: article.data.byline.length ? `<dc:creator>${escapeXml(formatByline(article.data.byline))}</dc:creator>` : undefined,
    }))),
  });
};
