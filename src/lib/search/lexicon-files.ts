/**
 * The archive's own words, for reading a reader's query (lib/search/browser/query.ts) and for pinyin look-ups
 * (lib/search/browser/pinyin-input.ts, lib/search/same-pinyin.ts). Chinese is written without spaces: 安全生产调研 is two words only to
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
 * This module is what both sides agree on — file names, shards, classes. The indexer makes the lexicon
 * (lib/search/build/lexicon.ts); the search page reads it (lib/search/browser/lexicon-reader.ts).
 */

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

/** Word → frequency class (lib/search/build/lexicon.ts frequencyClass). */
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
export const readingShardOf = (char: string): number => char.codePointAt(0)! % READING_SHARDS;
