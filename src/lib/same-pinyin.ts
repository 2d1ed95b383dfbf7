/**
 * Same-pinyin suggestions: a reader who types 刘滨 for 刘斌, 经济运型 for 经济运行, chose the wrong character of
 * the right pinyin in an input method. When a query finds nothing, the search page looks up words of the
 * archive's own vocabulary — names of people and reporters, tags, headline words — with the query's pinyin,
 * and shows the results of the one it finds ("没有找到“刘滨”，以下是“刘斌”的结果").
 *
 * Input methods are toneless, so pinyin is compared without tones; a polyphonic character (行 xing/hang,
 * 长 chang/zhang, 重 zhong/chong) matches by any of its readings. The files are built by the indexer
 * (src/cli/index-search.ts, with pinyin-pro) and loaded by the search page only when a query found nothing:
 * - the vocabulary: toneless pinyin (syllables joined by spaces) → the archive's words with it, most used
 *   first; in shards by the first syllable, so a query loads only the shards of its characters' readings, and
 *   what a suggestion costs does not grow with the archive;
 * - the reading table: toneless syllable → every character with that reading, for the query's own characters,
 *   which the archive may not have (滨).
 * This module knows neither pinyin-pro nor the browser: readings come in as a function.
 */

import type { BylineEntry } from './bylines.ts';

/** The toneless readings of a character (ü as v), most common first; empty for anything that is not Han. */
export type Readings = (char: string) => readonly string[];

/** Toneless pinyin key → words of the archive, most used first. */
export type PinyinVocabulary = Record<string, string[]>;

/** Toneless syllable → every character with that reading. */
export type ReadingTable = Record<string, string>;

/** A word of at most this many characters is looked up; longer ones are phrases, not input-method slips. */
export const MAX_WORD_LENGTH = 8;
/** Keys per word at most: each polyphonic character multiplies them (重庆银行 has 2 × 1 × 2 × 3). */
const MAX_KEYS_PER_WORD = 16;

/** Every toneless reading of a word, syllables joined by spaces; none when a character has no reading. */
export function pinyinKeys(word: string, readings: Readings, max = MAX_KEYS_PER_WORD): string[] {
  let keys = [''];
  for (const char of word) {
    const options = readings(char);
    if (options.length === 0) return [];
    const next: string[] = [];
    for (const key of keys) {
      for (const option of options) {
        if (next.length < max) next.push(key ? `${key} ${option}` : option);
      }
    }
    keys = next;
  }
  return keys[0] === '' ? [] : keys;
}

/** Whether a word can be in the vocabulary: Han characters only, two to MAX_WORD_LENGTH of them. */
export function isVocabularyWord(word: string): boolean {
  const length = [...word].length;
  return length >= 2 && length <= MAX_WORD_LENGTH && /^\p{Script=Han}+$/u.test(word);
}

const headlineSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** What of an article goes into the vocabulary. */
export interface VocabularySource {
  title: string;
  tags?: readonly string[];
  people?: readonly string[];
  byline: readonly BylineEntry[];
}

/**
 * The words of an article a reader may look for by name: everyone in its byline (every role) and its people,
 * its tags, and the words of its headline (as the browser's segmenter cuts them). Each once.
 */
export function vocabularyWords(article: VocabularySource): Set<string> {
  const words = new Set<string>([...article.byline.map((entry) => entry.name), ...(article.people ?? []), ...(article.tags ?? [])]);
  for (const { segment, isWordLike } of headlineSegmenter.segment(article.title)) if (isWordLike) words.add(segment);
  return new Set([...words].filter(isVocabularyWord));
}

/**
 * The vocabulary of an archive from its words and how many articles use each (a name, a tag, a headline
 * word): for each toneless key, its words, most used first (then in code-point order, so the file is the same
 * for the same archive).
 */
export function buildVocabulary(uses: ReadonlyMap<string, number>, readings: Readings): PinyinVocabulary {
  const byKey = new Map<string, string[]>();
  for (const word of uses.keys()) {
    if (!isVocabularyWord(word)) continue;
    for (const key of pinyinKeys(word, readings)) {
      const words = byKey.get(key);
      if (words) words.push(word);
      else byKey.set(key, [word]);
    }
  }
  const vocabulary: PinyinVocabulary = {};
  for (const key of [...byKey.keys()].sort()) {
    vocabulary[key] = byKey.get(key)!.sort((a, b) => uses.get(b)! - uses.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  }
  return vocabulary;
}

/** About this many bytes of vocabulary go into one shard: a suggestion loads the shards its query needs. */
export const SHARD_BYTES = 16_000;

/**
 * The shard of the vocabulary a key is in: by its first syllable, so the words a query can match are in the
 * shards of its characters' readings (any character may start a word). A stable hash, the same in the
 * indexer and the browser.
 */
export function vocabularyShard(key: string, shards: number): number {
  const first = key.split(' ', 1)[0]!;
  let hash = 0;
  for (const char of first) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % shards;
}

/** The vocabulary cut into shards of about SHARD_BYTES each (at least one). */
export function shardVocabulary(vocabulary: PinyinVocabulary): PinyinVocabulary[] {
  const count = Math.max(1, Math.ceil(new TextEncoder().encode(JSON.stringify(vocabulary)).length / SHARD_BYTES));
  const shards: PinyinVocabulary[] = Array.from({ length: count }, () => ({}));
  for (const [key, words] of Object.entries(vocabulary)) shards[vocabularyShard(key, count)]![key] = words;
  return shards;
}

/** The shards a query's terms can need: those of every reading of every character. */
export function shardsForTerms(terms: readonly string[], readings: Readings, shards: number): number[] {
  const needed = new Set<number>();
  for (const term of terms) for (const char of term) for (const syllable of readings(char)) needed.add(vocabularyShard(syllable, shards));
  return [...needed].sort((a, b) => a - b);
}

/** The reading table as a lookup: character → its readings, in the table's order of syllables. */
export function readingsFromTable(table: ReadingTable): Readings {
  const byChar = new Map<string, string[]>();
  for (const [syllable, chars] of Object.entries(table)) {
    for (const char of chars) {
      const list = byChar.get(char);
      if (list) list.push(syllable);
      else byChar.set(char, [syllable]);
    }
  }
  return (char) => byChar.get(char) ?? [];
}

/** The reading table for the characters `chars`, from a function that knows every reading. */
export function buildReadingTable(chars: Iterable<string>, readings: Readings): ReadingTable {
  const table = new Map<string, string>();
  for (const char of chars) for (const syllable of readings(char)) table.set(syllable, (table.get(syllable) ?? '') + char);
  return Object.fromEntries([...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A stretch of the typed term and what may stand for it: itself, or archive words with its pinyin. */
interface Piece {
  text: string;
  options: string[];
}

/**
 * Terms of the archive's vocabulary a reader may have meant by `term`, best first, at most `limit`: the term
 * cut into as few pieces as possible, each a vocabulary word with the piece's pinyin (its own characters, or
 * others) or a character kept as typed, at least one piece replaced. 经济运型 → 经济运行 (经济 + 运行).
 */
export function samePinyinTerms(term: string, vocabulary: PinyinVocabulary, readings: Readings, limit = 3): string[] {
  const chars = [...term];
  const n = chars.length;
  // best[i]: the fewest pieces covering chars[0, i), and the pieces; a kept character counts as a piece
  // and a half, so words of the archive are preferred over characters as typed.
  const best: ({ cost: number; pieces: Piece[] } | undefined)[] = [{ cost: 0, pieces: [] }];
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - MAX_WORD_LENGTH); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const text = chars.slice(start, end).join('');
      let piece: Piece | undefined;
      let cost = 1;
      if (end - start === 1) {
        piece = { text, options: [text] };
        cost = 1.5;
      } else {
        const words = new Set(pinyinKeys(text, readings).flatMap((key) => vocabulary[key] ?? []));
        // A word of the archive as typed stays first: 经济运型 keeps 经济 and replaces 运型.
        if (words.size) piece = { text, options: words.has(text) ? [text, ...[...words].filter((word) => word !== text)] : [...words] };
      }
      if (piece && (!best[end] || before.cost + cost < best[end]!.cost)) best[end] = { cost: before.cost + cost, pieces: [...before.pieces, piece] };
    }
  }
  const pieces = best[n]?.pieces ?? [];
  // Every choice of one option per piece, fewest and most-used replacements first.
  let choices: { text: string; rank: number }[] = [{ text: '', rank: 0 }];
  for (const piece of pieces) {
    choices = choices.flatMap((choice) => piece.options.map((option, rank) => ({ text: choice.text + option, rank: choice.rank + rank })));
    choices.sort((a, b) => a.rank - b.rank);
    choices = choices.slice(0, limit + 1);
  }
  return choices.map((choice) => choice.text).filter((text) => text !== term).slice(0, limit);
}

/**
 * Queries a reader may have meant by `terms`, best first, at most `limit`: one term replaced by a term of
 * the vocabulary, the others as typed; terms without Han characters are kept.
 */
export function samePinyinQueries(terms: readonly string[], vocabulary: PinyinVocabulary, readings: Readings, limit = 3): string[][] {
  const alternatives = terms.map((term) => (/\p{Script=Han}/u.test(term) ? samePinyinTerms(term, vocabulary, readings, limit) : []));
  const queries: string[][] = [];
  // Each term's best alternative together first (a query of two slips), then one term at a time.
  if (alternatives.filter((list) => list.length).length > 1) queries.push(terms.map((term, i) => alternatives[i]![0] ?? term));
  for (let rank = 0; rank < limit; rank++) {
    terms.forEach((_, i) => {
      const alternative = alternatives[i]![rank];
      if (alternative) queries.push(terms.map((term, j) => (j === i ? alternative : term)));
    });
  }
  return queries.slice(0, limit);
}
