/**
 * What the search knows about an article, and how a reader's query is matched against article text.
 * Used in the browser: the search page checks Pagefind's candidates against the text and builds excerpts.
 * What goes into the index is lib/search-index.ts.
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
 * The terms of a query: split at spaces (a reader's "and"), trimmed of punctuation at both ends (“三化改造”,
 * 《…》), full-width letters and digits made half-width and Latin letters lower-cased, duplicates and
 * empties dropped. Empty when nothing searchable is left.
 */
export function queryTerms(raw: string): string[] {
  const terms = toHalfWidth(raw.slice(0, MAX_QUERY_LENGTH))
    .toLowerCase()
    .split(/[\s\u3000]+/u)
    .map((term) => term.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((term) => term.length > 0);
  return [...new Set(terms)];
}

/** A pattern for a term that tolerates white space between its characters (page text joins blocks with spaces). */
function termPattern(term: string): string {
  return [...term].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
}

function termsRegExp(terms: readonly string[]): RegExp {
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(termPattern);
  return new RegExp(alternatives.join('|'), 'giu');
}

/** Whether the text contains every term as a contiguous string (full-width letters and digits as half-width). */
export function containsAllTerms(text: string, terms: readonly string[]): boolean {
  const matched = toHalfWidth(text);
  return terms.length > 0 && terms.every((term) => new RegExp(termPattern(term), 'iu').test(matched));
}

/** Character ranges [start, end) of every occurrence of any term, in order and not overlapping. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0) return [];
  return [...toHalfWidth(text).matchAll(termsRegExp(terms))]
    .filter((match) => match[0].length > 0)
    .map((match) => [match.index, match.index + match[0].length]);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * An HTML excerpt around the first match, every match wrapped in <mark>; all other text escaped.
 * Falls back to the opening of the text when nothing matches.
 */
export function excerptHtml(text: string, terms: readonly string[], length = 90): string {
  const ranges = matchRanges(text, terms);
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
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

/** Pieces shorter than this are too common to stand for a word on their own (月, 日, 安). */
const MIN_PIECE_LENGTH = 2;
/** Terms longer than this are copied phrases, not words typed together. */
const MAX_SEPARABLE_LENGTH = 12;

/**
 * Ways to read a term typed without spaces as two or three words (李晓雷燃气 → 李晓雷 + 燃气), each at least
 * two characters. Chinese has no spaces to say where words end, and no dictionary knows every name, so
 * the splits are tried against article text.
 */
export function termSplits(term: string): string[][] {
  const chars = [...term];
  const n = chars.length;
  if (n < 2 * MIN_PIECE_LENGTH || n > MAX_SEPARABLE_LENGTH) return [];
  const piece = (from: number, to: number) => chars.slice(from, to).join('');
  const splits: string[][] = [];
  for (let i = MIN_PIECE_LENGTH; i <= n - MIN_PIECE_LENGTH; i++) {
    splits.push([piece(0, i), piece(i, n)]);
    for (let j = i + MIN_PIECE_LENGTH; j <= n - MIN_PIECE_LENGTH; j++) splits.push([piece(0, i), piece(i, j), piece(j, n)]);
  }
  return splits;
}

/**
 * When no text contains the query as written, a query the reader might have meant: the same terms with
 * spaces where some text has all the pieces (李晓雷燃气 → 李晓雷 燃气). Offered as a suggestion, never
 * as results: words far apart are not what the reader typed.
 */
export function suggestSeparatedQuery(texts: readonly string[], terms: readonly string[]): string[] | undefined {
  for (const text of texts) {
    const separated: string[] = [];
    for (const term of terms) {
      if (containsAllTerms(text, [term])) separated.push(term);
      else {
        const pieces = termSplits(term).find((split) => containsAllTerms(text, split));
        if (!pieces) break;
        separated.push(...pieces);
      }
    }
    if (separated.length > terms.length) return separated;
  }
  return undefined;
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
