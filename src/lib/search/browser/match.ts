/**
 * What the search knows about an article, and how a reader's query is matched against article text.
 * Used in the browser: the search session (lib/search/browser/session.ts) checks Pagefind's candidates against the
 * text — the query as typed for the first tier of results, the query's words anywhere for the second — and the
 * page builds excerpts. What goes into the index is lib/search/build/records.ts; how a query is read,
 * lib/search/browser/query.ts.
 *
 * Why check candidates: Chinese has no spaces, so Pagefind segments both pages and queries into words, and
 * the parts of a segmented query can match separately (a query for 5月6日 can return a page that merely
 * contains 月 and 日). A reader who types 三化改造 expects articles that contain 三化改造.
 */
export const MAX_QUERY_LENGTH = 100;

/** Full-width Latin letters and digits, as Chinese input methods type them (５Ｇ, １０月, ＡＩ). */
const FULL_WIDTH_ALPHANUMERIC = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

/**
 * Full-width Latin letters and digits as their half-width forms, for matching only (what readers see stays as
 * written); Chinese punctuation stays. One UTF-16 unit for one, so positions in the result are positions in
 * the text.
 */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ALPHANUMERIC, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/**
 * A pattern for a term that tolerates white space between its characters (page text joins blocks with spaces).
 * A term that starts with a digit does not match after a digit: 5月6日 is not in 15月6日, nor 1月6日 in 11月6日 —
 * only for the words of the second tier (`bounded`), since the first tier matches what was typed as written.
 */
function termPattern(term: string, bounded = false): string {
  const pattern = [...term].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
  return bounded && /^\d/.test(term) ? `(?<!\\d)${pattern}` : pattern;
}

/** Whether the text contains every term as a contiguous string (full-width letters and digits as half-width). */
export function containsAllTerms(text: string, terms: readonly string[]): boolean {
  const matched = toHalfWidth(text);
  return terms.length > 0 && terms.every((term) => new RegExp(termPattern(term), 'iu').test(matched));
}

/**
 * Whether the text contains every word of a query's second tier (lib/search/browser/query.ts), each anywhere; a word
 * that starts with a digit (a date, 5G) not right after another digit.
 */
export function containsAllWords(text: string, words: readonly string[]): boolean {
  const matched = toHalfWidth(text);
  return words.length > 0 && words.every((word) => new RegExp(termPattern(word, true), 'iu').test(matched));
}

/** Character ranges [start, end) of every occurrence of any term, in order and not overlapping. */
export function matchRanges(text: string, terms: readonly string[], bounded = false): [number, number][] {
  if (terms.length === 0) return [];
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map((term) => termPattern(term, bounded));
  return [...toHalfWidth(text).matchAll(new RegExp(alternatives.join('|'), 'giu'))]
    .filter((match) => match[0].length > 0)
    .map((match) => [match.index, match.index + match[0].length]);
}

/** The shortest stretch [start, end) of the text that holds every word once, if it holds them all. */
export function wordsWindow(text: string, words: readonly string[]): [number, number] | undefined {
  const matched = toHalfWidth(text);
  const hits: { at: number; end: number; word: number }[] = [];
  words.forEach((word, index) => {
    for (const match of matched.matchAll(new RegExp(termPattern(word, true), 'giu'))) hits.push({ at: match.index, end: match.index + match[0].length, word: index });
  });
  hits.sort((a, b) => a.at - b.at);
  // The latest hit of each word so far: a window ending at a hit starts at the earliest of them.
  const latest = new Map<number, { at: number; end: number }>();
  let best: [number, number] | undefined;
  for (const hit of hits) {
    latest.set(hit.word, hit);
    if (latest.size < words.length) continue;
    const inside = [...latest.values()];
    const window: [number, number] = [Math.min(...inside.map((h) => h.at)), Math.max(...inside.map((h) => h.end))];
    if (!best || window[1] - window[0] < best[1] - best[0]) best = window;
  }
  return best;
}

/**
 * How close together the words of the second tier stand in a text, best first: 0 side by side (调研安全生产
 * for 安全生产 调研), 1 in one sentence, 2 in one paragraph (line), 3 further apart; undefined when a word is
 * missing.
 */
export function wordsCloseness(text: string, words: readonly string[]): number | undefined {
  const window = wordsWindow(text, words);
  if (!window) return undefined;
  const stretch = text.slice(window[0], window[1]);
  const wordLength = words.reduce((sum, word) => sum + word.length, 0);
  const sentence = !/[。！？!?；;\n]/.test(stretch);
  if (sentence && stretch.replace(/\s/g, '').length <= wordLength + 2 && !/\p{P}/u.test(stretch.replace(/\s/g, ''))) return 0;
  if (sentence) return 1;
  if (!stretch.includes('\n')) return 2;
  return 3;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * An HTML excerpt around the first match — or, for the words of the second tier, around the place where
 * they stand closest together, and when they stand too far apart for one excerpt, a piece around each — every
 * match wrapped in <mark>; all other text escaped. Falls back to the opening of the text when nothing matches.
 */
export function excerptHtml(text: string, terms: readonly string[], { length = 90, words = false }: { length?: number; words?: boolean } = {}): string {
  const ranges = matchRanges(text, terms, words);
  const window = words && terms.length > 1 ? wordsWindow(text, terms) : undefined;
  if (window && window[1] - window[0] > length) {
    // One piece per word, at its match that is nearest the others.
    const starts = terms
      .map((term) => matchRanges(text.slice(window[0], window[1]), [term], true)[0]?.[0])
      .filter((start): start is number => start !== undefined)
      .map((start) => start + window[0])
      .sort((a, b) => a - b);
    const piece = Math.max(10, Math.floor(length / starts.length));
    return starts.map((start) => excerptPiece(text, ranges, start, piece)).join('');
  }
  return excerptPiece(text, ranges, window?.[0] ?? ranges[0]?.[0] ?? 0, length);
}

/** A stretch of `length` characters around `focus`, with its matches marked, and … where text is left out. */
function excerptPiece(text: string, ranges: readonly [number, number][], focus: number, length: number): string {
  const start = Math.max(0, Math.min(focus - Math.floor(length / 3), text.length - length));
  const end = Math.min(text.length, start + length);
  let html = start > 0 ? '…' : '';
  let cursor = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const markFrom = Math.max(from, start);
    const markTo = Math.min(to, end);
    html += `${escapeHtml(text.slice(cursor, markFrom))}<mark>${escapeHtml(text.slice(markFrom, markTo))}</mark>`;
    cursor = markTo;
  }
  html += escapeHtml(text.slice(cursor, end));
  return end < text.length ? `${html}…` : html;
}

export interface RankedCandidate {
  /** Position in Pagefind's order (relevance, or date when sorting by date). */
  order: number;
  /** Whether the headline itself contains every term. */
  inTitle: boolean;
  /** Pagefind's relevance score, where known. */
  score?: number;
  /** The article's day (YYYY-MM-DD), where known. */
  date?: string;
}

/**
 * By relevance, articles whose headline contains the query come first, then Pagefind's order, except that of
 * two equally good matches (the same score: a notice printed again, a recurring report) the newer comes first;
 * by date, Pagefind's date order.
 */
export function compareCandidates(a: RankedCandidate, b: RankedCandidate, sort: 'relevance' | 'date'): number {
  if (sort === 'date') return a.order - b.order;
  const equalScores = a.score !== undefined && a.score === b.score;
  const newerFirst = equalScores && a.date && b.date ? b.date.localeCompare(a.date) : 0;
  return Number(b.inTitle) - Number(a.inTitle) || newerFirst || a.order - b.order;
}

/** Whether a query has Chinese characters, so that a traditional → simplified conversion might help. */
export function hasHanCharacters(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
