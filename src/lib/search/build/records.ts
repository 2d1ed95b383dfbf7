/**
 * What goes into the search index for an article: its text (headline, subtitle and body, as the article page
 * shows them, then photo captions, tags and the byline; navigation is left out) and the filters, metadata and
 * sort key the search page uses. The indexer (src/search-indexer/indexer.ts) hands these records to Pagefind's addCustomRecord.
 *
 * The text is split into words here, with Intl.Segmenter (ICU's Chinese dictionary, the same segmenter the
 * browser applies to a reader's query), joined by zero-width spaces: Pagefind indexes them as words and
 * removes them from the text it returns. Measured on 10,000 articles, Pagefind then indexes in half the time
 * into an index half the size than when it segments the text itself (docs/performance.md).
 */
import { formatByline, reporterNames, type BylineEntry } from '../../article/bylines.ts';
import { isoDay, newsDay } from '../../dates.ts';

/** The language of every record, as the pages declare it (<html lang="zh-CN">), so the browser loads this index. */
export const INDEX_LANGUAGE = 'zh-cn';
const WORD_BREAK = '\u200b';

export interface SearchableArticle {
  title: string;
  subtitle?: string;
  kicker?: string;
  correction?: string;
  date: Date;
  column: string;
  byline: readonly BylineEntry[];
  tags?: readonly string[];
  photos?: readonly { caption?: string }[];
}

export interface SearchIndexRecord {
  /** The article's path from the site root (the search page adds the base path). */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Filters, metadata and sort keys of an article's search record. */
export function searchRecord(article: SearchableArticle) {
  return {
    filters: {
      column: [article.column],
      year: [String(newsDay(article.date).year)],
      reporter: reporterNames(article.byline),
      // The day it was published, for queries that are a date (lib/search/browser/date-query.ts).
      day: [isoDay(article.date)],
    },
    meta: { title: article.title, date: isoDay(article.date), column: article.column },
    sort: { date: isoDay(article.date) },
  };
}

/**
 * The text readers search, one block per line: kicker, headline, subtitle, body blocks, any correction, then
 * what the page shows beside the text — photo captions, tags, and the byline as printed (记者 唐善普 通讯员
 * 白博文/图), so that a reporter's name finds their articles and the excerpt says in which role. Last, so an
 * excerpt of a match in the text comes from the text; the same weight as the body (Pagefind weighs a custom
 * record's content evenly), below the headline, which the search page ranks first.
 */
export function indexedText(article: SearchableArticle, bodyLines: readonly string[]): string {
  const captions = (article.photos ?? []).map((photo) => photo.caption);
  const tags = article.tags?.length ? `标签 ${article.tags.join(' ')}` : undefined;
  const lines = [article.kicker, article.title, article.subtitle, ...bodyLines, article.correction, ...captions, tags, formatByline(article.byline)];
  return lines.filter((line): line is string => Boolean(line?.trim())).join('\n');
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Text with a zero-width space between words (spaces and line breaks stay as they are). */
export function segmentWords(text: string): string {
  // Joined from an array: `+=` over thousands of one- and two-character words leaves a rope of that many
  // string pieces (about 35 bytes per character of text), which the indexer would hold for every article.
  const parts: string[] = [];
  let previousWasWord = false;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && previousWasWord) parts.push(WORD_BREAK);
    parts.push(segment);
    previousWasWord = Boolean(isWordLike);
  }
  return parts.join('');
}

export function searchIndexRecord(article: SearchableArticle, bodyLines: readonly string[], url: string): SearchIndexRecord {
  return { url, content: segmentWords(indexedText(article, bodyLines)), language: INDEX_LANGUAGE, ...searchRecord(article) };
}
