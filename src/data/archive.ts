/**
 * The published archive, loaded and arranged once per build and shared by every page
 * (the glue between Astro's content layer and the pure functions in lib/).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished } from '../lib/article/schema.ts';
import { reporterNames } from '../lib/article/bylines.ts';
import { groupByKeys, groupByName, groupByYearMonth, namesOf, neighbours, newestFirst } from '../lib/archive/arrange.ts';
import { groupEditions } from '../lib/archive/editions.ts';
import { relatedArticles } from '../lib/archive/related.ts';
import { buildTime } from 'virtual:news/settings';
import { storedLeadSummary } from './lead-summary.ts';

export type Article = CollectionEntry<'articles'>;

async function buildArchive() {
  // `astro dev` shows drafts and embargoed articles too (with a banner), so editors can see them; builds never do.
  const articles = newestFirst(await getCollection('articles', ({ data }) => import.meta.env.DEV || isPublished(data, buildTime)));
  return {
    articles,
    neighbours: neighbours(articles),
    related: relatedArticles(articles),
    years: groupByYearMonth(articles),
    // The e-paper view: articles with edition data, by edition and page, in print order.
    editions: groupEditions(articles),
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

/** The 导语 as written, or the one derived from the lead paragraph when the article was rendered. */
export function summaryOf(article: Article): string {
  return article.data.summary ?? storedLeadSummary(article.rendered) ?? '';
}
