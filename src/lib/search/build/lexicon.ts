/**
 * The archive's lexicon as the indexer makes it (the build half of lib/search/lexicon-files.ts): each article's
 * words cut with the cutter the indexer passes in (jieba), counted per part, the archive's own compounds kept
 * when enough articles have them, and the shards written for the search page. Knows neither jieba nor
 * pinyin-pro: the indexer passes the cutter and the readings in.
 */
import type { BylineEntry } from '../../article/bylines.ts';
import { compareCodePoints } from '../../order.ts';
import { FUNCTION_WORDS, MEASURE_CHARACTERS } from '../browser/query.ts';
import { frequencyClass, pinyinShardKey, READING_SHARDS, readingShardOf, SHARD_CHARACTERS, shardOf, wordShardKey, type LexiconManifest } from '../lexicon-files.ts';
import { isVocabularyWord, pinyinKeys, type Readings } from '../same-pinyin.ts';

/** What of an article goes into the lexicon besides its text: the names and tags it lists. */
export interface LexiconArticle {
  tags?: readonly string[];
  people?: readonly string[];
  byline: readonly BylineEntry[];
}

/** Terms set in quotes or title marks: 2 to 8 Han characters inside “…” 「…」 『…』 《…》. */
const QUOTED_TERM = /[“「『《]\s*(\p{Script=Han}{2,8})\s*[”」』》]/gu;

/** How the indexer cuts text into words (jieba): as it reads, and in search mode (long words and their parts). */
export interface WordCutter {
  cut(text: string): readonly string[];
  cutForSearch(text: string): readonly string[];
}

/** The words of an article, and the pairs of words that stand together in it (安全 + 生产). */
export interface ArticleWords {
  words: Set<string>;
  pairs: Set<string>;
}

/**
 * The words of an article: the lines of its indexed text (lib/search/build/records.ts indexedText: headline, body,
 * captions, …) cut in search mode (中原区 and also 中原), terms it quotes, and the names of its byline and
 * people and its tags whole; and every two words that stand side by side, as candidates for the archive's own
 * compounds — 安全生产, 营商环境, 党建引领 (two words to jieba's dictionary, one to a district's paper), and names
 * and places jieba cut (碧|沙岗) — a pair becomes a word of the lexicon only when enough articles have it
 * (COMPOUND_ARTICLES): side by side by chance, two words rarely are twice.
 * Han words of 2 to 8 characters, each once.
 */
export function articleLexiconWords(article: LexiconArticle, lines: readonly string[], cutter: WordCutter): ArticleWords {
  const words = new Set<string>([...article.byline.map((entry) => entry.name), ...(article.people ?? []), ...(article.tags ?? [])]);
  const pairs = new Set<string>();
  for (const line of lines) {
    for (const word of cutter.cutForSearch(line)) words.add(word);
    for (const match of line.matchAll(QUOTED_TERM)) words.add(match[1]!);
    const cut = cutter.cut(line);
    for (let i = 0; i + 1 < cut.length; i++) {
      const [first, second] = [cut[i]!, cut[i + 1]!];
      // A function word (在, 的) or a measure word (个) is not part of a compound; another single character is,
      // of a name jieba cut (碧|沙岗, 棉纺|路).
      const apart = (word: string) => FUNCTION_WORDS.has(word) || MEASURE_CHARACTERS.has(word);
      if (!apart(first) && !apart(second) && first.length + second.length >= 3 && isVocabularyWord(first + second)) pairs.add(first + second);
    }
  }
  return { words: new Set([...words].filter(isVocabularyWord)), pairs };
}

/** A pair of words side by side is one word of the archive when at least this many articles have it. */
export const COMPOUND_ARTICLES = 2;

/** Counts of words and of pairs, over some articles. */
export interface WordCounts {
  words: Map<string, number>;
  pairs: Map<string, number>;
}

/** Adds an article's words and pairs to the counts of how many articles have each. */
export function countWords(counts: WordCounts, article: ArticleWords): void {
  for (const word of article.words) counts.words.set(word, (counts.words.get(word) ?? 0) + 1);
  for (const pair of article.pairs) counts.pairs.set(pair, (counts.pairs.get(pair) ?? 0) + 1);
}

/** Adds the counts of some articles (a part) to those of the archive. */
export function addCounts(total: WordCounts, part: WordCounts): void {
  for (const [word, count] of part.words) total.words.set(word, (total.words.get(word) ?? 0) + count);
  for (const [pair, count] of part.pairs) total.pairs.set(pair, (total.pairs.get(pair) ?? 0) + count);
}

/** A part with at most this many pairs keeps them all; a larger one, those two of its articles have. */
export const PAIRS_KEPT_WHOLE = 50_000;

/**
 * The counts worth keeping for a part: every word, and its pairs — in a large part only those that two of its
 * articles have (pairs of one article in each of several years are lost: by chance they are many, and a
 * compound readers search for is rarely that rare), so a part's counts stay small.
 */
export function keptCounts(counts: WordCounts): WordCounts {
  if (counts.pairs.size <= PAIRS_KEPT_WHOLE) return counts;
  return { words: counts.words, pairs: new Map([...counts.pairs].filter(([, count]) => count >= COMPOUND_ARTICLES)) };
}

/** The words of the lexicon: every word, and each pair that COMPOUND_ARTICLES articles have. */
export function lexiconWords(counts: WordCounts): Map<string, number> {
  const words = new Map(counts.words);
  for (const [pair, count] of counts.pairs) if (count >= COMPOUND_ARTICLES) words.set(pair, Math.max(count, words.get(pair) ?? 0));
  return words;
}

/** The lexicon's files (name → JSON text) and what parts.json says of them, without the version. */
export interface LexiconFiles {
  files: Map<string, string>;
  manifest: Omit<LexiconManifest, 'version' | 'path'>;
}

/**
 * The lexicon of an archive: its words with how many articles use each, cut into shards; `readings` gives
 * every toneless reading of a character (pinyin-pro in the indexer), `characters` the characters whose
 * readings a query may need.
 */
export function buildLexicon(counts: ReadonlyMap<string, number>, articles: number, readings: Readings, characters: Iterable<string>): LexiconFiles {
  const words = [...counts.keys()].filter(isVocabularyWord).sort(compareCodePoints);
  const files = new Map<string, string>();

  const classes = new Map(words.map((word) => [word, frequencyClass(counts.get(word)!)]));
  const wordShards = shardsFor(words.map((word) => ({ key: wordShardKey(word), entry: [word, classes.get(word)!] as const })));
  wordShards.forEach((entries, index) => files.set(`w${index}.json`, jsonObject(entries)));

  // Most used first, then in code-point order, so the files are the same for the same archive.
  const byKey = new Map<string, string[]>();
  for (const word of words) {
    for (const key of pinyinKeys(word, readings)) {
      const list = byKey.get(key);
      if (list) list.push(word);
      else byKey.set(key, [word]);
    }
  }
  const pinyinEntries = [...byKey.keys()].sort(compareCodePoints).map((key) => {
    const list = byKey.get(key)!.sort((a, b) => counts.get(b)! - counts.get(a)! || compareCodePoints(a, b));
    return { key: pinyinShardKey(key), entry: [key, list] as const };
  });
  const pinyinShards = shardsFor(pinyinEntries);
  pinyinShards.forEach((entries, index) => files.set(`p${index}.json`, jsonObject(entries)));

  const readingTables: Map<string, string>[] = Array.from({ length: READING_SHARDS }, () => new Map());
  for (const char of characters) {
    const table = readingTables[readingShardOf(char)]!;
    for (const syllable of readings(char)) table.set(syllable, (table.get(syllable) ?? '') + char);
  }
  readingTables.forEach((table, index) => files.set(`r${index}.json`, JSON.stringify(Object.fromEntries([...table].sort(([a], [b]) => compareCodePoints(a, b))))));

  return { files, manifest: { articles, words: wordShards.length, pinyin: pinyinShards.length, readings: READING_SHARDS } };
}

/** A JSON object of key–value pairs, written directly (an object of 100,000 keys is slow to build only to print). */
function jsonObject(entries: readonly (readonly [string, unknown])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;
}

/** Entries in shards of about SHARD_CHARACTERS by a stable hash of their key (at least one shard). */
function shardsFor<Entry extends readonly [string, unknown]>(items: readonly { key: string; entry: Entry }[]): Entry[][] {
  const characters = items.reduce((sum, { entry }) => sum + JSON.stringify(entry).length, 0);
  const count = Math.max(1, Math.ceil(characters / SHARD_CHARACTERS));
  const shards: Entry[][] = Array.from({ length: count }, () => []);
  for (const { key, entry } of items) shards[shardOf(key, count)]!.push(entry);
  return shards;
}
