/**
 * The published articles the indexer indexes, as the archive's source handed them over (lib/archive/index-input.ts):
 * the list of the archive, and each article's text read by digest only when its part's words or records are made.
 */
import type { ArchiveEntry, ArchiveManifest } from '../lib/archive/manifest.ts';
import type { IndexedArticle } from '../lib/archive/index-input.ts';
import { isoDay } from '../lib/dates.ts';
import { articleLexiconWords, type ArticleWords, type WordCutter } from '../lib/search/build/lexicon.ts';
import { indexedText, searchIndexRecord, type SearchIndexRecord } from '../lib/search/build/records.ts';

/** A published article; its text (lib/archive/index-input.ts) is read only when its part's words or records are made. */
export interface PublishedArticle {
  date: string;
  key: string;
  /** SHA-256 of the article's file. */
  digest: string;
  reporters: string[];
  /** Its words for the lexicon (lib/search/build/lexicon.ts), cut when its part is written. */
  words(cutter: WordCutter): ArticleWords;
  /** Its line in the archive's manifest; the part is filled in when the part is written. */
  entry: ArchiveEntry;
  record(): SearchIndexRecord;
}

/**
 * The archive as its source listed it, and the published articles ready to index, with the paths the site
 * gives them (no base path; the search page adds it); `text` gives an article's text by digest.
 */
export function publishedArticles(manifest: ArchiveManifest, text: (digest: string) => IndexedArticle): PublishedArticle[] {
  return manifest.articles
    .filter((entry) => entry.published)
    .map((entry) => {
      return {
        date: isoDay(new Date(entry.date)),
        key: entry.id,
        digest: entry.digest,
        reporters: entry.reporters ?? [],
        words: (cutter: WordCutter) => {
          const { article, lines } = text(entry.digest);
          return articleLexiconWords(article, indexedText(article, lines).split('\n'), cutter);
        },
        entry,
        record: () => {
          const { article, lines } = text(entry.digest);
          return searchIndexRecord(article, lines, entry.url);
        },
      };
    });
}
