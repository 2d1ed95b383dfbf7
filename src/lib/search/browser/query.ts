/**
 * What a reader's query means, before anything is searched. Readers do not type the phrases of an article:
 * they run several words together in their own order (安全生产调研 for an article that says 调研安全生产),
 * ask questions (三化改造大会什么时候开的), write dates as they speak them (五月五日, 5月6号,
 * 二〇二四年五月六日) and quote what must stay together (“三化改造”). So a query is read twice:
 *
 * - as typed (`queryTerms`): the terms separated by spaces, and each quoted phrase, each of which an
 *   article must contain as written — the first tier of results, exactly as before;
 * - as words (`readWords`): each unquoted term cut into the archive's words (lib/search/build/lexicon.ts: the
 *   archive's own words and how common each is, so 邓英文 and 三化改造 stay whole), function and question
 *   words dropped where they stand as whole words (的, 了, 什么时候, 哪些 — but 目的 and 了解 keep theirs), dates
 *   normalised to one unit each (五月五日 → 5月5日). An article that contains every one of these words,
 *   anywhere and in any order, is the second tier.
 *
 * A quoted phrase (“…”, "…", 「…」, 『…』, 《…》) is one word and never cut. Runs in the browser.
 */
import { parseDateQuery, type DateQuery } from './date-query.ts';
import { MAX_WORD_LENGTH } from '../same-pinyin.ts';
import { MAX_QUERY_LENGTH, toHalfWidth } from './match.ts';

/** Quote pairs a reader may put around a phrase. */
const QUOTES: Record<string, string> = { '“': '”', '"': '"', '「': '」', '『': '』', '《': '》', '‘': '’', "'": "'" };
const OPENING = new Set(Object.keys(QUOTES));

/** A stretch of the query: a quoted phrase, or text between quotes. */
interface QuerySpan {
  text: string;
  quoted: boolean;
}

/** The query cut at its quotes; an opening quote without its closing one is only punctuation. */
function querySpans(raw: string): QuerySpan[] {
  const text = toHalfWidth(raw.slice(0, MAX_QUERY_LENGTH)).toLowerCase();
  const spans: QuerySpan[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const close = OPENING.has(char) ? text.indexOf(QUOTES[char]!, i + 1) : -1;
    if (close > i + 1) {
      spans.push({ text: plain, quoted: false });
      plain = '';
      spans.push({ text: text.slice(i + 1, close), quoted: true });
      i = close + 1;
    } else {
      plain += char;
      i += 1;
    }
  }
  spans.push({ text: plain, quoted: false });
  return spans.filter((span) => span.text.trim());
}

const trimPunctuation = (term: string) => term.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');

/**
 * The terms an article must contain as written: the text between quotes split at spaces (a reader's "and"),
 * and each quoted phrase whole, trimmed of punctuation at both ends; full-width letters and digits made
 * half-width and Latin letters lower-cased; duplicates and empties dropped.
 */
export function queryTerms(raw: string): string[] {
  const terms = querySpans(raw).flatMap((span) => (span.quoted ? [span.text.trim()] : span.text.split(/[\s\u3000]+/u)));
  return [...new Set(terms.map(trimPunctuation).filter((term) => term.length > 0))];
}

// ---------------------------------------------------------------------------------------------------------
// Dates as people write them

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
const NUMBER = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
/** 5月6日, 5月6号, 五月六日, 二〇二四年五月六日, 2024年5月6号. */
const MONTH_DAY = new RegExp(`(?:${YEAR}\\s*年\\s*)?${NUMBER}\\s*月\\s*${NUMBER}\\s*[日号]`, 'gu');
/** 二〇二四年五月 (a month with its year, in Chinese numerals; 2024年5月 is read by lib/search/browser/date-query.ts). */
const YEAR_MONTH = new RegExp(`^${YEAR}\\s*年\\s*${NUMBER}\\s*月$`, 'u');

/** 5, 十, 十五, 二十, 三十一 → the number; undefined for anything else. */
function smallNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const tens = /^([二三])?十([一二三四五六七八九])?$/u.exec(text);
  if (tens) return (tens[1] ? CHINESE_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CHINESE_DIGITS[tens[2]]! : 0);
  return text.length === 1 ? CHINESE_DIGITS[text] : undefined;
}

function yearNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number([...text].map((char) => CHINESE_DIGITS[char]).join(''));
}

/** A day of the year as news text writes it: 5月6日, or with its year 2024年5月6日. */
interface SpokenDate {
  /** The text as news writes it. */
  text: string;
  year?: number;
  month: number;
  day: number;
}

function spokenDate(match: RegExpMatchArray): SpokenDate | undefined {
  const month = smallNumber(match[2]!);
  const day = smallNumber(match[3]!);
  if (month === undefined || day === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const year = match[1] ? yearNumber(match[1]) : undefined;
  return { text: `${year ? `${year}年` : ''}${month}月${day}日`, year, month, day };
}

/** The query with every date written as news writes it (五月六日 → 5月6日, 5月6号 → 5月6日). */
export function normalizeDates(text: string): string {
  return text.replace(MONTH_DAY, (...args) => spokenDate(args as unknown as RegExpMatchArray)?.text ?? args[0]);
}

/**
 * The date a query is, if it is only a date with its year, however written (2024年5月6日, 2024-05-06,
 * 二〇二四年五月六日, 2024年5月6号, 二〇二四年五月).
 */
export function readDateQuery(raw: string): DateQuery | undefined {
  const text = toHalfWidth(raw).trim();
  const chineseMonth = YEAR_MONTH.exec(text);
  if (chineseMonth) {
    const month = smallNumber(chineseMonth[2]!);
    return month === undefined ? undefined : parseDateQuery(`${yearNumber(chineseMonth[1]!)}年${month}月`);
  }
  return parseDateQuery(normalizeDates(text));
}

// ---------------------------------------------------------------------------------------------------------
// Words

/**
 * Function and question words: what a reader adds to ask, not what an article says. Dropped only where the
 * query's best cut has them as whole words, so 目的 and 了解 keep their 的 and 了.
 */
export const FUNCTION_WORDS = new Set([
  ...'的了吗呢吧啊呀么嘛哦着过和与及或等在是有把被给对从向为于以之其这那哪谁几去来开到都也就还又很请问要想能可啥咋',
  '什么', '什么时候', '啥时候', '何时', '几时', '哪里', '哪儿', '哪些', '哪个', '哪家', '哪位', '哪天', '哪年', '怎么', '怎样',
  '怎么样', '如何', '为什么', '为何', '多少', '多久', '几个', '是否', '是不是', '有没有', '有哪些', '有什么', '请问', '关于',
  '有关', '一下', '这个', '那个', '这些', '那些', '这里', '那里', '相关', '报道', '新闻', '消息', '文章',
]);
const LONGEST_FUNCTION_WORD = Math.max(...[...FUNCTION_WORDS].map((word) => word.length));

/** What a piece of the query is. */
export type PieceKind =
  /** A word of the archive's lexicon. */
  | 'word'
  /** A function or question word. */
  | 'function'
  /** Han characters the lexicon does not know (a name it has never seen, a slip of the input method). */
  | 'unknown'
  /** A suffix the lexicon does not know after a word it does (点 of 疫苗接种点): the word alone is searched. */
  | 'suffix'

  /** A date, as news writes it (5月6日). */
  | 'date'
  /** Latin letters, digits and the like (5G, 100余名, R&D). */
  | 'other'
  /** A quoted phrase, never cut. */
  | 'phrase';

export interface QueryPiece {
  text: string;
  kind: PieceKind;
}

export interface QueryWords {
  /** The pieces of every term, in order, function words included. */
  pieces: QueryPiece[];
  /** What an article must contain, each anywhere: the pieces without function words, each once. */
  words: string[];
  /** The pieces the lexicon does not know. */
  unknown: string[];
}

/** The frequency class of an archive word (lib/search/build/lexicon.ts), or undefined for a word it does not have. */
export type WordClassOf = (word: string) => number | undefined;

/**
 * The words of a query: each term cut where the archive's words say (lib/search/build/lexicon.ts), dates as one
 * unit, quoted phrases whole, function and question words marked.
 *
 * The cut is the most probable one, as jieba cuts: each piece costs as many bits as it is rare — an archive
 * word of frequency class c in an archive of `articles` articles costs log2(articles) + 3 − c, a function
 * word 3, a character the lexicon does not know log2(articles) + 16 — plus PIECE_BITS for being a piece at
 * all, so that a word the archive knows whole (安全生产, 中原区) is not cut into commoner parts.
 */
export function readWords(raw: string, classOf: WordClassOf, articles: number): QueryWords {
  const pieces: QueryPiece[] = [];
  for (const span of querySpans(raw)) {
    if (span.quoted) {
      const phrase = trimPunctuation(span.text.trim());
      if (phrase) pieces.push({ text: phrase, kind: 'phrase' });
      continue;
    }
    for (const term of normalizeDates(span.text).split(/[\s\u3000]+/u)) pieces.push(...termPieces(term, classOf, articles));
  }
  const words = [...new Set(pieces.filter((piece) => piece.kind !== 'function' && piece.kind !== 'suffix').map((piece) => piece.text))];
  return { pieces, words, unknown: [...new Set(pieces.filter((piece) => piece.kind === 'unknown').map((piece) => piece.text))] };
}

const PIECE_BITS = 4;
const FUNCTION_WORD_BITS = 3;
const UNKNOWN_CHAR_BITS = 16;

/**
 * A date as news writes it, a run of Han characters, or a run of anything else but spaces and punctuation
 * (joiners inside it stay: R&D, 3.5, zhongyuan.gov.cn).
 */
const TERM_TOKENS = /(\d{4}年)?\d{1,2}月\d{1,2}日|\p{Script=Han}+|[^\p{Script=Han}\p{P}\s]+(?:[&.\-_/+·][^\p{Script=Han}\p{P}\s]+)*/gu;

function termPieces(term: string, classOf: WordClassOf, articles: number): QueryPiece[] {
  const raw: QueryPiece[] = [];
  for (const match of term.matchAll(TERM_TOKENS)) {
    const text = match[0];
    if (/^(\d{4}年)?\d{1,2}月\d{1,2}日$/u.test(text)) raw.push({ text: text.replace(/^\d{4}年/, ''), kind: 'date' });
    else if (/^\p{Script=Han}/u.test(text)) raw.push(...cutHan(text, classOf, articles));
    else raw.push({ text, kind: 'other' });
  }
  return joinStrays(raw);
}

/** The most probable cut of a run of Han characters (see readWords). */
function cutHan(run: string, classOf: WordClassOf, articles: number): QueryPiece[] {
  const chars = [...run];
  const n = chars.length;
  const base = Math.log2(Math.max(2, articles));
  const best: ({ bits: number; pieces: QueryPiece[] } | undefined)[] = [{ bits: 0, pieces: [] }];
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - Math.max(MAX_WORD_LENGTH, LONGEST_FUNCTION_WORD)); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const text = chars.slice(start, end).join('');
      const options: { bits: number; piece: QueryPiece }[] = [];
      if (FUNCTION_WORDS.has(text)) options.push({ bits: FUNCTION_WORD_BITS, piece: { text, kind: 'function' } });
      const wordClass = end - start >= 2 ? classOf(text) : undefined;
      if (wordClass !== undefined) options.push({ bits: Math.max(0, base + 3 - wordClass), piece: { text, kind: 'word' } });
      if (end - start === 1 && !FUNCTION_WORDS.has(text)) options.push({ bits: base + UNKNOWN_CHAR_BITS, piece: { text, kind: 'unknown' } });
      for (const { bits, piece } of options) {
        const total = before.bits + bits + PIECE_BITS;
        if (!best[end] || total < best[end]!.bits) best[end] = { bits: total, pieces: [...before.pieces, piece] };
      }
    }
  }
  return best[n]!.pieces;
}

/** Measure words, and the 余 and 多 of 100余名: what follows a number. */
export const MEASURE_CHARACTERS = new Set('个名家项位条座所台辆户次批件处场支种类栋套间级期届余多万亿元年月日号第');
/** A measure word that counts a thing (not a time: 2023年 防汛 are two words). */
const COUNTING = /^[余多]?[个名家项位条座所台辆户次批件处场支种类栋套间级期届]/u;
/** A number with such a measure word: it holds the word it counts (12个 + 项目). */
const COUNTED_NUMBER = /^\d[\d.]*[余多]?[个名家项位条座所台辆户次批件处场支种类栋套间级期届]$/u;

/** Characters that end a name or a noun (路 of 棉纺路, 员 of 网格员, 站 of 高铁站): one alone belongs to the word before it. */
const SUFFIX_CHARACTERS = new Set('路街巷道区县市省镇乡村站点园馆院所局厅处科室部委办会组队员长厂场港湖河山桥门楼线型性化式率费者家师节展赛业网库池塔');

/**
 * Characters the lexicon does not know, joined: several in a row are one unknown word (马素化, a name the
 * archive has not seen); one alone after a number is its measure word (2023年, 100余名), and a number with a
 * measure word holds the word it counts (12个项目); any other alone is part of the word beside it that the
 * lexicon cut differently (碧 + 沙岗 → 碧沙岗; 一网通 + 管 → 一网通管), which is then a word the archive does not
 * know as such — but a suffix after a word the archive knows is left to it (疫苗接种 + 点: 疫苗接种); alone between
 * function words it stays on its own.
 */
function joinStrays(pieces: QueryPiece[]): QueryPiece[] {
  const joined: QueryPiece[] = [];
  for (const piece of pieces) {
    const last = joined[joined.length - 1];
    if (piece.kind === 'unknown' && last?.kind === 'unknown') last.text += piece.text;
    else joined.push({ ...piece });
  }
  const out: QueryPiece[] = [];
  const wordLike = (piece: QueryPiece | undefined) => piece?.kind === 'word' || piece?.kind === 'unknown' || piece?.kind === 'other';
  for (let i = 0; i < joined.length; i++) {
    const piece = joined[i]!;
    const previous = out[out.length - 1];
    const next = joined[i + 1];
    const afterNumber = previous?.kind === 'other' && /\d$/.test(previous.text);
    const alone = piece.kind === 'unknown' && [...piece.text].length === 1;
    if (piece.kind === 'unknown' && afterNumber && [...piece.text].length <= 2) previous.text += piece.text;
    else if ((piece.kind === 'word' || piece.kind === 'unknown') && afterNumber && COUNTING.test(piece.text)) previous.text += piece.text;
    else if ((piece.kind === 'word' || piece.kind === 'unknown') && previous?.kind === 'other' && COUNTED_NUMBER.test(previous.text)) previous.text += piece.text;
    // A suffix after a word the archive knows (疫苗接种 + 点): the word is what an article must have (临时接种点 is
    // not 疫苗接种点, but its article has 疫苗接种).
    else if (alone && SUFFIX_CHARACTERS.has(piece.text) && previous?.kind === 'word') out.push({ ...piece, kind: 'suffix' });
    else if (alone && wordLike(previous) && (SUFFIX_CHARACTERS.has(piece.text) || !wordLike(next))) out[out.length - 1] = { text: previous!.text + piece.text, kind: 'unknown' };
    else if (alone && wordLike(next)) joined[i + 1] = { text: piece.text + next!.text, kind: 'unknown' };
    else out.push(piece);
  }
  return out;
}

const indexSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** The words of a term as the browser's segmenter cuts them — as Pagefind cuts a query (its pagefind.js, for zh). */
export function indexWords(term: string): string[] {
  return [...indexSegmenter.segment(term)].filter(({ isWordLike }) => isWordLike).map(({ segment }) => segment);
}

/**
 * What Pagefind is asked for the query as typed: its terms as the browser's segmenter cuts them (as Pagefind
 * does), without function and question words where a term has other words — every candidate must have all of
 * them (a query with fewer words has more candidates, never fewer), and each costs an index chunk to load.
 */
export function indexQuery(terms: readonly string[]): string {
  return terms
    .map((term) => {
      const words = indexWords(term);
      const kept = words.filter((word) => !FUNCTION_WORDS.has(word));
      return (kept.length ? kept : words).join(' ');
    })
    .filter(Boolean)
    .join(' ');
}

/** Whether the words read from a query ask for more than its terms as typed: a second tier of results. */
export function hasSecondTier(typed: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const sameSet = words.length === typed.length && words.every((word) => typed.includes(word));
  return !sameSet;
}

