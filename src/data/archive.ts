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
import { pageArticleProblems } from '../lib/archive/source.ts';
import { formatProblem } from '../lib/article/file.ts';
import type { EditionPageData } from './edition-pages-loader.ts';
import { buildTime } from 'virtual:news/settings';
import { storedLeadSummary } from './lead-summary.ts';

export type Article = CollectionEntry<'articles'>;
export type PrintedPage = EditionPageData;

async function buildArchive() {
  const printed = await printedPages();
  // `astro dev` shows drafts and embargoed articles too (with a banner), so editors can see them; builds never do.
  const articles = newestFirst(await getCollection('articles', ({ data }) => import.meta.env.DEV || isPublished(data, buildTime)));
  return {
    articles,
    neighbours: neighbours(articles),
    related: relatedArticles(articles),
    years: groupByYearMonth(articles),
    // The e-paper view: articles with edition data, by edition and page, in print order, with the printed pages.
    editions: groupEditions(articles, printed),
    // The articles that have a region on their printed page: their “刊于…” points at it.
    withRegion: new Set(printed.flatMap((page) => page.articles.map((article) => article.id))),
    byColumn: groupByKeys(articles, (article) => [article.data.column]),
    // Tags and people by the page their name belongs to (one page for 5G and ５Ｇ); see lib/urls.ts nameKey.
    tags: groupByName(articles, (article) => article.data.tags),
    people: groupByName(articles, namesOf),
    // The search filter matches the byline as written, so reporters stay as spelled.
    byReporter: groupByKeys(articles, (article) => reporterNames(article.data.byline)),
  };
}

/** The printed pages, each checked against the articles (drafts too: their regions are shown without links). */
async function printedPages(): Promise<PrintedPage[]> {
  const pages = (await getCollection('editionPages')).map((entry) => entry.data as unknown as PrintedPage);
  if (pages.length === 0) return pages;
  const all = new Map((await getCollection('articles')).map((article) => [article.id, article.data.source ?? null]));
  const problems = pageArticleProblems(pages, (id) => all.get(id));
  if (problems.length) throw new Error(`版面文件有误，构建已停止：\n${problems.map(formatProblem).join('\n')}`);
  return pages;
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
