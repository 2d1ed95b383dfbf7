/**
 * The archive's own words, for reading a reader's query (lib/search-query.ts) and for pinyin look-ups
 * (lib/pinyin-input.ts, lib/same-pinyin.ts). Chinese is written without spaces: 安全生产调研 is two words only to
 * someone who knows 安全生产 and 调研, and the names and places of a district (邓英文, 碧沙岗) are in no general
 * dictionary. So the indexer collects the words of every published article — cut with jieba's dictionary of
 * general Chinese (its HMM also finds unknown names in lists of officials), plus every name of a byline or
 * `people`, every tag, and every term the text sets in quotes (“三化改造”) — and writes them in shards the
 * search page loads only for the characters and readings a query has:
 *
 * - word shards `w<i>.json`: word → its frequency class (how many articles use it, in powers of two), by the
 *   word's first two characters; a query of n characters needs at most n − 1 of them;
 * - pinyin shards `p<i>.json`: toneless pinyin (syllables joined by spaces, every reading of a polyphonic
 *   character) → the words read so, most used first, by the key's first two syllables;
 * - reading shards `r<i>.json`: syllable → the characters (U+4E00–U+9FFF) read so, by character, for the
 *   readings of a query's own characters, which the archive may not have (滨 in 刘滨).
 *
 * What a look-up costs does not grow with the archive: shards are cut to about SHARD_BYTES each, so a larger
 * archive has more shards, not larger ones. Frequencies are kept as classes so that one new article rarely
 * changes a shard. The files have fixed names and are asked for with the lexicon's version (a hash of all of
 * them, in parts.json), so a browser never mixes two builds' files.
 *
 * This module knows neither jieba nor pinyin-pro nor the browser: the indexer passes the cutter and the
 * readings in; the search page passes a function that fetches a file.
 */
import type { BylineEntry } from './bylines.ts';
import { compareCodePoints } from './order.ts';
import { FUNCTION_WORDS, MEASURE_CHARACTERS } from './search-query.ts';
import { isVocabularyWord, pinyinKeys, type PinyinVocabulary, type Readings, type ReadingTable } from './same-pinyin.ts';

/** Where the lexicon is, relative to the index directory (pagefind/). */
export const LEXICON_DIR = 'lexicon/';
/**
 * About this many characters of JSON in one shard (some 6 KB: most are Han characters, three bytes each): a
 * look-up loads a few shards of this size, whatever the archive.
 */
export const SHARD_CHARACTERS = 2_500;
/** Reading shards: the reading table of 20,902 characters (75 KB) in this many pieces. */
export const READING_SHARDS = 16;

/** What parts.json says of the lexicon. */
export interface LexiconManifest {
  /** Relative to pagefind/, ending in '/'. */
  path: string;
  /** A hash of every file: asked for as ?v=…, so that a deploy never mixes files of two builds. */
  version: string;
  /** Published articles the frequencies were counted over. */
  articles: number;
  /** Shards of each kind. */
  words: number;
  pinyin: number;
  readings: number;
}

/** Word → frequency class (lib/search-lexicon.ts frequencyClass). */
export type WordClasses = Record<string, number>;

/** How many articles use a word, as a class: 1 for one article, 2 for two or three, 3 for four to seven, … */
export function frequencyClass(articles: number): number {
  return Math.max(1, Math.floor(Math.log2(articles)) + 1);
}

/** A stable hash (FNV-1a over UTF-16 code units): the same shard for a key in the indexer and the browser. */
export function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** The key a word is sharded by: its first two characters. */
export const wordShardKey = (word: string): string => [...word].slice(0, 2).join('');
/** The key a pinyin key is sharded by: its first two syllables. */
export const pinyinShardKey = (key: string): string => key.split(' ', 2).join(' ');
const readingShardOf = (char: string): number => char.codePointAt(0)! % READING_SHARDS;

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
 * The words of an article: the lines of its indexed text (lib/search-index.ts indexedText: headline, body,
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

/** The Han characters of a text, as a reader's query is looked up. */
const hanRuns = (text: string): string[] => text.match(/\p{Script=Han}+/gu) ?? [];

/**
 * The lexicon as the search page reads it: each shard fetched once, when a query first needs it. `load`
 * fetches a file of the lexicon (its name, e.g. w12.json) and parses it.
 */
export class LexiconReader {
  private readonly shards = new Map<string, Promise<unknown>>();
  readonly manifest: LexiconManifest;
  private readonly load: (file: string) => Promise<unknown>;

  constructor(manifest: LexiconManifest, load: (file: string) => Promise<unknown>) {
    this.manifest = manifest;
    this.load = load;
  }

  private shard(file: string): Promise<unknown> {
    let shard = this.shards.get(file);
    if (!shard) {
      shard = this.load(file);
      // A failed load is tried again by the next query.
      shard.catch(() => this.shards.delete(file));
      this.shards.set(file, shard);
    }
    return shard;
  }

  /** The word shards a text's words can be in: one for each pair of adjacent Han characters. */
  wordFiles(text: string): string[] {
    const files = new Set<string>();
    for (const run of hanRuns(text)) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) files.add(`w${shardOf(chars[i]! + chars[i + 1]!, this.manifest.words)}.json`);
    }
    return [...files].sort(compareCodePoints);
  }

  /** The frequency class of every archive word that starts at some position of `text` (and others of its shards). */
  async wordClasses(text: string): Promise<(word: string) => number | undefined> {
    const shards = (await Promise.all(this.wordFiles(text).map((file) => this.shard(file)))) as WordClasses[];
    return (word) => {
      for (const shard of shards) {
        const found = shard[word];
        if (found !== undefined) return found;
      }
      return undefined;
    };
  }

  /**
   * The archive's words that begin with `prefix` (two characters or more), most used first, at most `limit`:
   * from the shard of its first two characters, loaded by `wordClasses` for a text that has them.
   */
  async wordsStartingWith(prefix: string, limit: number): Promise<string[]> {
    const [file] = this.wordFiles([...prefix].slice(0, 2).join(''));
    if (!file) return [];
    const shard = (await this.shard(file)) as WordClasses;
    return Object.entries(shard)
      .filter(([word]) => word.startsWith(prefix) && word !== prefix)
      .sort(([a, classA], [b, classB]) => classB - classA || compareCodePoints(a, b))
      .slice(0, limit)
      .map(([word]) => word);
  }

  /** The readings of the characters of `text`, for same-pinyin look-ups. */
  async readings(text: string): Promise<Readings> {
    const chars = new Set([...text].filter((char) => /\p{Script=Han}/u.test(char)));
    const files = [...new Set([...chars].map((char) => `r${readingShardOf(char)}.json`))];
    const tables = (await Promise.all(files.map((file) => this.shard(file)))) as ReadingTable[];
    const byChar = new Map<string, string[]>();
    for (const table of tables) {
      for (const [syllable, tableChars] of Object.entries(table)) {
        for (const char of tableChars) {
          if (!chars.has(char)) continue;
          const list = byChar.get(char);
          if (list) list.push(syllable);
          else byChar.set(char, [syllable]);
        }
      }
    }
    return (char) => byChar.get(char) ?? [];
  }

  /** The archive's words of these pinyin keys (and the others in their shards). */
  async pinyinWords(keys: Iterable<string>): Promise<PinyinVocabulary> {
    const files = [...new Set([...keys].map((key) => `p${shardOf(pinyinShardKey(key), this.manifest.pinyin)}.json`))];
    const shards = (await Promise.all(files.map((file) => this.shard(file)))) as PinyinVocabulary[];
    return Object.assign({}, ...shards) as PinyinVocabulary;
  }
}
