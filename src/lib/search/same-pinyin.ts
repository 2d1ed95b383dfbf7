/**
 * Same-pinyin suggestions: a reader who types 刘滨 for 刘斌, 经济运型 for 经济运行, 马素化 for 马素华, chose the wrong
 * character of the right pinyin in an input method. When a query has a word the archive does not know and
 * finds nothing, the search session (lib/search/browser/session.ts) looks up words of the archive's lexicon — every
 * word of its articles, names in bylines, lists of officials and the body text included
 * (lib/search/build/lexicon.ts) — with the query's pinyin, and shows the results of the one it finds
 * ("没有找到“刘滨”，以下是“刘斌”的结果").
 *
 * Input methods are toneless, so pinyin is compared without tones; a polyphonic character (行 xing/hang,
 * 长 chang/zhang, 重 zhong/chong) matches by any of its readings. This module knows neither pinyin-pro nor the
 * browser: readings and the lexicon's words come in as values.
 */

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

/**
 * Every pinyin key a same-pinyin look-up of `term` may ask for: those of each stretch of two characters or
 * more (up to MAX_WORD_LENGTH), so the search page loads the shards of the lexicon they are in
 * (lib/search/build/lexicon.ts).
 */
export function samePinyinKeys(term: string, readings: Readings): string[] {
  const chars = [...term];
  const keys = new Set<string>();
  for (let start = 0; start < chars.length; start++) {
    for (let end = start + 2; end <= Math.min(chars.length, start + MAX_WORD_LENGTH); end++) {
      for (const key of pinyinKeys(chars.slice(start, end).join(''), readings)) keys.add(key);
    }
  }
  return [...keys];
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
