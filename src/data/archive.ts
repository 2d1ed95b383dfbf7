/**
 * The published archive, loaded and arranged once per build and shared by every page
 * (the glue between Astro's content layer and the pure functions in lib/).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished } from '../lib/article.ts';
import { reporterNames } from '../lib/bylines.ts';
import { groupByKeys, groupByName, groupByYearMonth, namesOf, neighbours, newestFirst } from '../lib/archive.ts';
import { relatedArticles } from '../lib/related.ts';
import { deriveSummary } from '../lib/text.ts';
import { buildTime } from '../site.config.ts';

export type Article = CollectionEntry<'articles'>;

async function buildArchive() {
  // `astro dev` shows drafts and embargoed articles too (with a banner), so editors can see them; builds never do.
  const articles = newestFirst(await getCollection('articles', ({ data }) => import.meta.env.DEV || isPublished(data, buildTime)));
  return {
    articles,
    neighbours: neighbours(articles),
    related: relatedArticles(articles),
    years: groupByYearMonth(articles),
    byColumn: groupByKeys(articles, (article) => [article.data.column]),
    // Tags and people by the page their name belongs to (one page for 5G and ５Ｇ); see lib/urls.ts nameKey.
    tags: groupByName(articles, (article) => article.data.tags),
    people: groupByName(articles, namesOf),
    // The search filter matches the byline as written, so reporters stay as spelled.
    byReporter: groupByKeys(articles, (article) => reporterNames(article.data.byline)),
  };
}

let archive: ReturnType<typeof buildArchive> | undefined;

export function loadArchive() {
  archive ??= buildArchive();
  return archive;
}

const summaries = new WeakMap<Article, string>();

/** The 导语 as written, or derived from the lead paragraph; derived once per article, however many lists show it. */
export function summaryOf(article: Article): string {
  if (article.data.summary !== undefined) return article.data.summary;
  let summary = summaries.get(article);
  if (summary === undefined) {
    summary = deriveSummary(article.body ?? '');
    summaries.set(article, summary);
  }
  return summary;
}
