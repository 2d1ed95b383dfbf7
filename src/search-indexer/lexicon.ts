/**
 * The archive's lexicon (lib/search/build/lexicon.ts) as the indexer makes it: words counted per part with
 * jieba, kept beside the part in the cache, and the shards written under the index directory.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { LEXICON_DIR, type LexiconManifest } from '../lib/search/lexicon-files.ts';
import { buildLexicon, countWords, keptCounts, lexiconWords, type WordCounts, type WordCutter } from '../lib/search/build/lexicon.ts';
import { commonHanCharacters, tonelessReadings } from '../lib/search/build/pinyin-readings.ts';
import type { PublishedArticle } from './published.ts';

/**
 * jieba's dictionary of general Chinese, with its HMM for names that no dictionary has (马素华 in a list of
 * officials): how the lexicon knows where a query's words end.
 */
export function lexiconCutter(): WordCutter {
  const jieba = Jieba.withDict(dict);
  return { cut: (text) => jieba.cut(text, true), cutForSearch: (text) => jieba.cutForSearch(text, true) };
}

/** How many of `articles` have each word and pair: read from the part's cache entry, or counted and kept there. */
export function partWordCounts(articles: readonly PublishedArticle[], cutter: () => WordCutter, cached: string | undefined): WordCounts {
  const file = cached && `${cached}.words.json`;
  if (file && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { words: Record<string, number>; pairs: Record<string, number> };
    return { words: new Map(Object.entries(saved.words)), pairs: new Map(Object.entries(saved.pairs)) };
  }
  const counts: WordCounts = { words: new Map(), pairs: new Map() };
  const cut = cutter();
  for (const article of articles) countWords(counts, article.words(cut));
  const kept = keptCounts(counts);
  if (file) {
    writeFileSync(`${file}.partial`, JSON.stringify({ words: Object.fromEntries(kept.words), pairs: Object.fromEntries(kept.pairs) }));
    renameSync(`${file}.partial`, file);
  }
  return kept;
}

/**
 * Writes the lexicon of the archive (lib/search/build/lexicon.ts) under `outDir`/lexicon/: word, pinyin and
 * reading shards; returns what parts.json says of it.
 */
export function writeLexicon(counts: WordCounts, articles: number, outDir: string): LexiconManifest {
  const { files, manifest } = buildLexicon(lexiconWords(counts), articles, tonelessReadings, commonHanCharacters());
  const dir = join(outDir, LEXICON_DIR);
  mkdirSync(dir, { recursive: true });
  const version = createHash('sha256');
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    writeFileSync(join(dir, name), text);
    version.update(`${name}\0${text}\0`);
  }
  return { path: LEXICON_DIR, version: version.digest('hex').slice(0, 10), ...manifest };
}
