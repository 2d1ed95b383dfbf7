/**
 * One reader's search, from the query in the box to what the page shows: which forms of the query are tried
 * and in what order, which tier a result is in, when to stop, and what the status line says. The search page
 * (src/scripts/search.ts) gives it the index and renders what it reports; nothing here knows the DOM, so every
 * rule is unit-tested against a fake index (tests/unit/search-session.test.ts).
 *
 * The order of things, for a query typed into the box:
 * 1. A date with its year (2024年5月6日, 二〇二四年五月六日) lists what was published then (lib/search/browser/date-query.ts).
 * 2. The first tier: articles that contain the query as typed, the likely ones first (lib/search/browser/plan.ts). It
 *    never waits for anything else.
 * 3. The second tier: articles that contain every word of the query (lib/search/browser/query.ts), anywhere — once
 *    the lexicon's shards for the query's characters have arrived (lib/search/build/lexicon.ts).
 * 4. A query the archive does not know as written may be 繁體 (converted with opencc and searched instead),
 *    pinyin typed without an input method (lixiaolei → 李晓雷), or a slip of the input method (马素化 → 马素华):
 *    when the newest articles have nothing for it, the word the reader most likely meant is searched instead,
 *    and the status says so ("没有找到“马素化”，以下是“马素华”的结果"), with a link to search it as typed.
 * 5. A query made of words the archive knows that finds nothing in the newest articles searches on through
 *    older ones by itself, within MAX_UNASKED_CHECKS candidates: "nothing" then means nothing anywhere.
 * 6. More results, and older periods, as the reader asks (the "more" button); a part that fails to load is
 *    reported and retried; a site deployed since the page opened is searched again with its new index.
 */
import { readDateQuery, hasSecondTier, indexQuery, indexWords, queryTerms, readWords, normalizeDates, type QueryWords } from './query.ts';
import { formatDateQuery, type DateQuery } from './date-query.ts';
import { pinyinSplits } from './pinyin-input.ts';
import { pinyinKeys, samePinyinKeys, samePinyinQueries, type PinyinVocabulary } from '../same-pinyin.ts';
import type { LexiconReader } from './lexicon-reader.ts';
import { partsPeriodLabel, type SearchPartsManifest } from '../parts-manifest.ts';
import { describeProgress, moreLabel } from './progress-text.ts';
import {
  FIRST_CHECK_BATCH,
  PartedSearch,
  PartLoadError,
  searchByDate,
  stepsForSearch,
  type CandidatePage,
  type QueryReading,
  type SearchIndex,
} from './plan.ts';
import type { SearchState } from './url-state.ts';
import { hasHanCharacters, MAX_QUERY_LENGTH } from './match.ts';

/** Results on a screen: shown at first, and added by each press of the button. */
export const RESULTS_PER_STEP = 20;
/**
 * A query that found nothing in the newest parts searches on through older ones by itself, checking at most
 * this many candidates and reading at most MAX_UNASKED_STEPS steps in all: a query whose words are everywhere
 * but never together stops there and waits for the reader, so that what a first search costs does not grow
 * with the archive (the status says which years are left, and the button reads them).
 */
export const MAX_UNASKED_CHECKS = 100;
/** Steps a search reads before the reader asks for more, when the first found nothing. */
export const MAX_UNASKED_STEPS = 2;
/** A fragment is completed to at most this many of the archive's words that begin with it. */
const COMPLETIONS = 3;
/** Words a reader may have meant (same pinyin, or pinyin typed as letters), tried best first until one has results. */
const ALTERNATIVES_TRIED = 3;

/** The index as the session uses it (src/scripts/pagefind-parts.ts in the browser, a fake in the tests). */
export interface SessionIndex extends SearchIndex {
  readonly manifest: SearchPartsManifest;
  /** The archive's words; undefined when the archive has none (nothing published) or they cannot be read. */
  readonly lexicon: LexiconReader | undefined;
  /** Whether a file of some part failed to load: the index must be opened afresh. */
  readonly hasFailures: boolean;
  /** Whether the site has been deployed since the index was opened. */
  isOutdated(): Promise<boolean>;
}

export interface SessionServices {
  /** The index, opened once and shared by every search of the page. */
  open(): Promise<SessionIndex>;
  /** The index opened afresh: after a failed load (Pagefind keeps failures) or a deploy. */
  reopen(): Promise<SessionIndex>;
  /** 繁體 → 简体 (opencc), loaded only when a query may need it. */
  toSimplified(text: string): Promise<string>;
  /** What went wrong that the reader is not told (a suggestion's files that did not load). */
  log?(error: unknown): void;
}

/** A link the page offers beside the results: “仍然查找“刘滨””. */
export interface Suggestion {
  /** Text before the link ('' for none). */
  prompt: string;
  /** The link's text. */
  label: string;
  /** The search it leads to. */
  state: SearchState;
}

/** What was published in a date query's period: a group above the text matches. */
export interface DatedResults {
  query: DateQuery;
  /** 2024年5月6日. */
  period: string;
  /** The filters in words, e.g. （栏目“时政”）. */
  where: string;
  count: number;
  /** The first screen of them, newest first. */
  pages: CandidatePage[];
}

/** What the page shows, as the session reports it after each change. */
export interface SessionView {
  status: string;
  /** A step is running: the button waits and the results say they are busy. */
  busy: boolean;
  dated?: DatedResults;
  /** The search whose groups are shown; replaced (and the results cleared) when another form of the query is adopted. */
  search?: PartedSearch;
  /** Results on screen at most. */
  visible: number;
  /** Whether results are grouped by period under headings (the archive has more than one step). */
  grouped: boolean;
  suggestions: Suggestion[];
  more: { hidden: boolean; label: string };
}

/** One reader's search; a new query is a new session (the page cancels the last). */
export class SearchSession {
  private index: SessionIndex | undefined;
  private found: PartedSearch | undefined;
  private cancelled = false;
  private failed: PartLoadError | undefined;
  private busy = false;
  private visible = RESULTS_PER_STEP;
  private status = '';
  private dated: DatedResults | undefined;
  private convertedFrom: string | undefined;
  private insteadOf: { typed: string; scope: string } | undefined;
  private suggestions: Suggestion[] = [];
  private moreButton = { hidden: true, label: '' };
  private readonly wordsRead = new Map<string, Promise<QueryWords | undefined>>();

  readonly state: SearchState;
  private readonly services: SessionServices;
  private readonly onChange: (view: SessionView) => void;
  private notice: string;

  constructor(state: SearchState, services: SessionServices, onChange: (view: SessionView) => void, notice = '') {
    this.state = state;
    this.services = services;
    this.onChange = onChange;
    this.notice = notice;
  }

  /** Stops this search where it is: the reader has asked for another, which needs the connections. */
  cancel(): void {
    this.cancelled = true;
    this.found?.cancel();
  }

  private get query(): string {
    return this.state.query.trim().slice(0, MAX_QUERY_LENGTH);
  }

  private get steps() {
    return stepsForSearch(this.index!.manifest, this.state.filters, this.state.sort);
  }

  /** Runs the search as far as a first screen (and, when it finds nothing, as far as it goes by itself). */
  async start(): Promise<void> {
    const query = this.query;
    if (query === '') return this.say(Object.keys(this.state.filters).length ? '请输入搜索词。' : '');
    if (queryTerms(query).length === 0) return this.say('请输入要查找的文字：只有空格或标点符号无法搜索。');
    this.say(`${this.notice}正在查找…`);
    try {
      this.index = await this.services.open();
      if (this.index.hasFailures) this.index = await this.services.reopen();
    } catch (error) {
      this.services.log?.(error);
      if (!this.cancelled) this.say('搜索索引加载失败，请检查网络后刷新页面重试。');
      return;
    }
    if (this.cancelled) return;
    await this.step(() => this.firstScreen(query));
    await this.offerSamePinyinWord();
  }

  /**
   * After a first screen with nothing as typed: a word of the archive read exactly as a typed term, offered as
   * a link (老旧小曲 → “您是不是要找：老旧小区”) — a slip of the input method that makes two real words (老旧 and
   * 小曲) finds them apart, and the word meant is one. Looked up after the results are shown, never before.
   */
  private async offerSamePinyinWord(): Promise<void> {
    const found = this.found;
    const lexicon = this.index?.lexicon;
    if (!found || !lexicon || this.cancelled || this.state.asTyped || this.insteadOf || this.convertedFrom || found.exactCount > 0 || this.dated?.count) return;
    const terms = found.terms;
    try {
      for (const [index, term] of terms.entries()) {
        if (!/^\p{Script=Han}{2,8}$/u.test(term)) continue;
        const readings = await lexicon.readings(term);
        const keys = pinyinKeys(term, readings);
        const vocabulary = await lexicon.pinyinWords(keys);
        const word = keys.flatMap((key) => vocabulary[key] ?? []).find((other) => other !== term);
        if (!word || this.cancelled) continue;
        const query = terms.map((other, i) => (i === index ? word : other)).join(' ');
        this.suggestions = [...this.suggestions, { prompt: '您是不是要找：', label: query, state: { ...this.state, query } }];
        this.emit();
        return;
      }
    } catch (error) {
      // A suggestion is a courtesy: without its files there is none.
      this.services.log?.(error);
    }
  }

  /** The button: more results (reading the next period when the current one is used up), or a retry. */
  async more(): Promise<void> {
    const found = this.found;
    if (!found) return;
    const retry = this.failed !== undefined;
    await this.step(async () => {
      if (retry) {
        this.index = await this.services.reopen();
        found.useIndex(this.index);
      } else {
        this.visible = Math.min(this.visible, found.matchCount) + RESULTS_PER_STEP;
      }
      // Matches found already (checked for the exact count) are shown first; more are searched for if needed.
      if (found.matchCount < this.visible) await found.more(this.visible - found.matchCount, { onProgress: () => this.show() });
    });
  }

  private async firstScreen(query: string): Promise<void> {
    const dateQuery = readDateQuery(query);
    let exclude: Set<string> | undefined;
    if (dateQuery) {
      // What was published then, above any text matches: exact, from the index's day filter.
      const published = await searchByDate(this.index!, this.index!.manifest, dateQuery, this.state.filters);
      if (this.cancelled) return;
      const pages = await Promise.all(published.slice(0, RESULTS_PER_STEP).map((candidate) => candidate.data()));
      pages.sort((a, b) => (b.meta.date ?? '').localeCompare(a.meta.date ?? ''));
      this.dated = { query: dateQuery, period: formatDateQuery(dateQuery), where: describeFilters(this.state), count: published.length, pages };
      exclude = new Set(published.map((candidate) => candidate.id));
    }
    let found = this.adopt(this.search(query, { dateQuery, exclude }));
    // The likely exact matches first: if none matches and the archive does not know the query's words, it may
    // be in traditional characters, and the converted query is the one to search.
    await found.more(RESULTS_PER_STEP, { onProgress: () => this.show(), maxChecks: FIRST_CHECK_BATCH });
    if (found.exactCount === 0 && hasHanCharacters(query) && !this.state.asTyped && (await this.mayBeTraditional(query))) {
      const simplified = await this.services.toSimplified(query);
      if (simplified !== query && !this.cancelled) {
        this.convertedFrom = query;
        found = this.adopt(this.search(simplified, { dateQuery, exclude }));
      }
    }
    // A word the archive does not know that no article of the newest has as typed (Pagefind's phrase search, no
    // texts fetched): what the reader meant is looked for at once, rather than after checking every candidate
    // that has its characters apart (刘滨: 刘 and 滨 are in many articles).
    let tried = false;
    if (found.matchCount === 0 && !this.state.asTyped && !this.dated?.count && (await this.unlikelyAsTyped(found))) {
      tried = true;
      if (await this.adoptAlternative(found, query)) return;
    }
    // The same request goes on: with the converted query it may open its first step, but no step beyond.
    await found.more(RESULTS_PER_STEP - found.matchCount, { onProgress: () => this.show(), mayOpenStep: found.searchedParts.length === 0 });
    if (found.matchCount > 0 || this.dated?.count || this.cancelled) return;
    if (!tried && !this.state.asTyped && (await this.adoptAlternative(found, query))) return;
    // One word the archive has is somewhere: searched for to the oldest articles. Words found nowhere together
    // yet may be nowhere: searched for in the next step only, then the reader decides.
    await this.searchOn(found, (await this.isOneArchiveWord(found.terms)) ? Infinity : MAX_UNASKED_STEPS);
  }

  /** Whether the terms are one word of the archive's lexicon (so some article has it). */
  private async isOneArchiveWord(terms: readonly string[]): Promise<boolean> {
    if (terms.length !== 1) return false;
    const read = await this.readQueryWords(terms[0]!);
    return read !== undefined && read.unknown.length === 0 && read.pieces.length === 1 && read.pieces[0]!.kind === 'word';
  }

  /** Whether the query has a word the archive does not know, and no article read so far has it as typed. */
  private async unlikelyAsTyped(found: PartedSearch): Promise<boolean> {
    const read = await this.readQueryWords(found.terms.join(' '));
    if (!read?.unknown.some(hasHanCharacters) || !this.index?.likelyMatches || found.searchedParts.length === 0) return false;
    const likely = await this.index.likelyMatches(found.searchedParts, found.terms, { filters: this.state.filters }).catch(() => undefined);
    return likely !== undefined && likely.size === 0;
  }

  /** Shows the results of what the reader most likely meant instead, if something answers; whether it did. */
  private async adoptAlternative(found: PartedSearch, query: string): Promise<boolean> {
    const instead = await this.alternative(found);
    if (!instead || this.cancelled) return false;
    // The word the reader most likely meant, with what was searched for the query as typed said first.
    const typed = this.convertedFrom ?? query;
    this.insteadOf = { typed, scope: found.remainingParts.length === 0 ? '' : `已查找${partsPeriodLabel(found.searchedParts)}的报道，` };
    this.adopt(instead);
    this.suggestions = [...this.suggestions, { prompt: '', label: `仍然查找“${typed}”`, state: { ...this.state, query: typed, asTyped: true } }];
    this.show();
    await instead.more(RESULTS_PER_STEP - instead.matchCount, { onProgress: () => this.show(), mayOpenStep: false });
    return true;
  }

  /**
   * A search for `text`: its first tier the text as typed, its second tier the words read from it (for a date
   * with its day, the day as news writes it, in articles of that year), and a fragment completed to the
   * archive's words that begin with it.
   */
  private search(text: string, { dateQuery, exclude }: { dateQuery?: DateQuery; exclude?: ReadonlySet<string> } = {}): PartedSearch {
    const terms = queryTerms(text);
    const reading = this.readQueryWords(text).then(async (read): Promise<QueryReading> => {
      const completed = await this.completed(terms, read);
      // Searched as typed (the link back from another word): the text as written, and nothing else.
      if (this.state.asTyped) return { completed };
      if (dateQuery) {
        const year = String(dateQuery.year);
        if (dateQuery.day === undefined || (this.state.filters.year && this.state.filters.year !== year)) return { completed };
        return { tier: { words: [`${dateQuery.month}月${dateQuery.day}日`], filters: { year } }, completed };
      }
      return { tier: read && hasSecondTier(terms, read.words) ? { words: read.words } : undefined, completed };
    });
    return new PartedSearch(this.index!, this.steps, terms, { filters: this.state.filters, sort: this.state.sort, reading, exclude });
  }

  /**
   * The typed query with a term that the segmenter cuts into single characters (a fragment, a name: 白博)
   * completed to the archive's words that begin with it (白博文), most used first: asked for too, because
   * Pagefind matches a fragment as the start of a word only within the one chunk of its index the fragment
   * sorts into.
   */
  private async completed(terms: readonly string[], read: QueryWords | undefined): Promise<string[]> {
    const lexicon = this.index?.lexicon;
    if (!lexicon || !read) return [];
    const queries: string[] = [];
    for (const [index, term] of terms.entries()) {
      // Only a term the browser's segmenter (and so Pagefind) cuts into single characters: a fragment or a name.
      if (!/^\p{Script=Han}{2,}$/u.test(term) || indexWords(term).some((word) => word.length > 1)) continue;
      for (const word of await lexicon.wordsStartingWith(term, COMPLETIONS).catch(() => [])) queries.push(terms.map((other, i) => (i === index ? word : other)).join(' '));
    }
    return queries;
  }

  /** The words of a text, read with the lexicon's shards for its characters (undefined without a lexicon). */
  private readQueryWords(text: string): Promise<QueryWords | undefined> {
    let read = this.wordsRead.get(text);
    if (!read) {
      const lexicon = this.index?.lexicon;
      read = lexicon
        ? lexicon.wordClasses(normalizeDates(text)).then(
            (classOf) => readWords(text, classOf, lexicon.manifest.articles),
            (error: unknown) => (this.services.log?.(error), undefined),
          )
        : Promise.resolve(undefined);
      this.wordsRead.set(text, read);
    }
    return read;
  }

  /** Whether a query that matched nothing as typed may be in traditional characters: the archive does not know some of its words. */
  private async mayBeTraditional(query: string): Promise<boolean> {
    const read = await this.readQueryWords(query);
    return !read || read.unknown.some(hasHanCharacters);
  }

  /**
   * When the newest articles have nothing for the query: the search for what the reader most likely meant,
   * if it has results — the archive's word of the pinyin typed as letters, or of the same pinyin as a word the
   * archive does not know. Only the lexicon's shards for the query are loaded for it.
   */
  private async alternative(found: PartedSearch): Promise<PartedSearch | undefined> {
    const lexicon = this.index?.lexicon;
    if (!lexicon) return undefined;
    const read = await this.readQueryWords(found.terms.join(' '));
    let candidates: string[][];
    try {
      const splits = pinyinSplits(this.query);
      if (splits.length) candidates = await pinyinCandidates(splits, lexicon);
      else {
        // Words the archive knows, found nowhere together yet: they may be in older articles; search on.
        if (!read?.unknown.some(hasHanCharacters)) return undefined;
        const terms = found.terms.filter(hasHanCharacters);
        const readings = await lexicon.readings(terms.join(''));
        const vocabulary = await lexicon.pinyinWords(terms.flatMap((term) => samePinyinKeys(term, readings)));
        candidates = samePinyinQueries(found.terms, vocabulary, readings, ALTERNATIVES_TRIED);
      }
    } catch (error) {
      // A suggestion is a courtesy: without its files the search goes on as typed.
      this.services.log?.(error);
      return undefined;
    }
    const typedWords = read?.words.length ?? 0;
    // Adopted only if it finds something as written, or every one of its words together (刘斌刘斌 for 刘滨刘斌
    // is one word, 刘斌: not what the reader asked for).
    const answers = (search: PartedSearch) => search.exactCount > 0 || (search.matchCount > 0 && (search.tierWords?.words.length ?? 0) >= typedWords);
    // Each candidate in the newest articles first; then the best one on through older ones (they are words of
    // the archive, so somewhere), rather than every candidate through every part.
    const tried: PartedSearch[] = [];
    for (const candidate of candidates.slice(0, ALTERNATIVES_TRIED)) {
      if (this.cancelled) return undefined;
      // Not shown while it runs; adopted as soon as its first batch answers (the screen fills after).
      const search = this.search(candidate.join(' '));
      await search.more(RESULTS_PER_STEP, { maxChecks: FIRST_CHECK_BATCH });
      if (answers(search)) return search;
      await search.more(RESULTS_PER_STEP, { mayOpenStep: false });
      if (answers(search)) return search;
      tried.push(search);
    }
    const [best, ...others] = tried;
    for (const search of others) search.cancel();
    if (!best || this.cancelled) return undefined;
    // A word of the archive: some article has it.
    await this.searchOn(best, Infinity);
    if (answers(best)) return best;
    best.cancel();
    return undefined;
  }

  /** Searches on through older parts while nothing is found, within MAX_UNASKED_CHECKS candidates and `maxSteps` steps. */
  private async searchOn(search: PartedSearch, maxSteps: number): Promise<void> {
    const limit = search.checked + MAX_UNASKED_CHECKS;
    while (search.matchCount === 0 && !search.complete && search.checked < limit && !this.cancelled && (search.openedSteps < maxSteps || !search.openedStepsChecked)) {
      await search.more(RESULTS_PER_STEP, { onProgress: () => this.show(), maxChecks: limit - search.checked });
    }
  }

  private adopt(search: PartedSearch): PartedSearch {
    this.found?.cancel();
    this.found = search;
    if (this.cancelled) search.cancel();
    return search;
  }

  /** Runs one step of the search; a part that fails to load is reported and the results found so far stay. */
  private async step(work: () => Promise<void>): Promise<void> {
    this.failed = undefined;
    this.busy = true;
    this.show();
    let deployed = false;
    try {
      await work();
    } catch (error) {
      if (!(error instanceof PartLoadError)) throw error;
      this.services.log?.(error);
      if (this.cancelled) return;
      // The site was deployed since the page opened: its parts have new names. Search again with them.
      if (await this.index!.isOutdated()) deployed = true;
      else this.failed = error;
    } finally {
      this.busy = false;
    }
    if (deployed) return this.startAgain('网站的搜索索引刚刚更新，已重新查找。');
    this.show(true);
  }

  /** Starts again from scratch with the index opened afresh (after a deploy), saying why. */
  private async startAgain(notice: string): Promise<void> {
    this.found?.cancel();
    this.found = undefined;
    this.dated = undefined;
    this.convertedFrom = undefined;
    this.insteadOf = undefined;
    this.suggestions = [];
    this.visible = RESULTS_PER_STEP;
    this.wordsRead.clear();
    this.notice = notice;
    this.index = await this.services.reopen();
    if (!this.cancelled) await this.step(() => this.firstScreen(this.query));
  }

  private say(status: string): void {
    this.status = status;
    this.emit();
  }

  /** Reports the state; `settled` once a step of the search has ended, with or without results. */
  private show(settled = false): void {
    if (this.cancelled) return;
    const found = this.found;
    // Nothing found yet and the step still running (it may search on, or for another word): the status keeps
    // saying 正在查找… rather than 没有找到.
    const looking = !settled && (!found || (found.matchCount === 0 && !this.failed));
    if (found && !looking) {
      const where = describeFilters(this.state);
      // The query as typed (without its quotes, which the status adds); after a 繁→简 conversion or for
      // another word, as searched.
      const shown = this.convertedFrom || this.insteadOf || /[“”"「」『』《》‘’]/.test(this.query) ? found.terms.join(' ') : this.query;
      const progress = describeProgress({
        query: shown,
        where,
        convertedFrom: this.convertedFrom,
        samePinyinFrom: this.insteadOf?.typed,
        samePinyinScope: this.insteadOf?.scope,
        dated: this.dated && { period: this.dated.period, count: this.dated.count },
        search: found,
      });
      this.status = this.failed ? `${progress}${failureText(this.failed)}` : `${this.notice}${progress}`;
      const hidden = found.matchCount > this.visible;
      this.moreButton = {
        hidden: !this.failed && !hidden && found.complete,
        label: this.failed ? '重试' : hidden ? '显示更多结果' : moreLabel(found),
      };
    }
    this.emit();
  }

  private emit(): void {
    if (this.cancelled) return;
    this.onChange({
      status: this.status,
      busy: this.busy,
      dated: this.dated,
      search: this.found,
      visible: this.visible,
      grouped: (this.found?.steps.length ?? 0) > 1,
      suggestions: this.suggestions,
      more: this.moreButton,
    });
  }
}

/**
 * Words of the archive a query of pinyin letters may stand for, best first: a word read so as a whole (李晓雷
 * for lixiaolei; every way to split the letters is tried: 西安 for xian), or else the fewest words that
 * together read so (安全生产 调研 for anquanshengchantiaoyan).
 */
export async function pinyinCandidates(splits: readonly string[][], lexicon: Pick<LexiconReader, 'pinyinWords'>): Promise<string[][]> {
  const whole = splits.map((split) => split.join(' '));
  const vocabulary = await lexicon.pinyinWords(whole);
  const words = [...new Set(whole.flatMap((key) => vocabulary[key] ?? []))];
  if (words.length) return words.map((word) => [word]);
  const spans = splits.slice(0, 3).flatMap((split) => split.flatMap((_, start) => split.slice(start).map((__, length) => split.slice(start, start + length + 1).join(' '))));
  const more = await lexicon.pinyinWords(spans.filter((key) => key.includes(' ')));
  const covers = splits.slice(0, 3).map((split) => coverWithWords(split, more)).filter((cover): cover is string[] => cover !== undefined);
  return covers.sort((a, b) => a.length - b.length).slice(0, 1);
}

/** The fewest archive words (two syllables or more each) that read as `syllables` in order, if any. */
function coverWithWords(syllables: readonly string[], vocabulary: PinyinVocabulary): string[] | undefined {
  const best: (string[] | undefined)[] = [[]];
  for (let end = 2; end <= syllables.length; end++) {
    for (let start = 0; start <= end - 2; start++) {
      const before = best[start];
      const word = vocabulary[syllables.slice(start, end).join(' ')]?.[0];
      if (before && word && (!best[end] || before.length + 1 < best[end]!.length)) best[end] = [...before, word];
    }
  }
  return best[syllables.length];
}

function failureText(error: PartLoadError): string {
  return `${partsPeriodLabel(error.parts)}的搜索索引没有加载成功（网络可能中断了），已显示找到的结果。可以点“重试”继续查找。`;
}

/** The filters and sort in words: （栏目“时政”，2024年，记者唐善普，按时间排序）. */
export function describeFilters(state: SearchState): string {
  const parts = [
    state.filters.column && `栏目“${state.filters.column}”`,
    state.filters.year && `${state.filters.year}年`,
    state.filters.reporter && `记者${state.filters.reporter}`,
    state.sort === 'date' && '按时间排序',
    state.sort === 'overall' && '全部年份按相关度排序',
  ].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

/**
 * What the page preloads while the reader types (before Enter): the query Pagefind will be asked for its first
 * step (lib/search/browser/query.ts indexQuery, as lib/search/browser/plan.ts asks it), and the text whose lexicon shards the
 * search reads; nothing when there is nothing to search.
 */
export function preloadFor(query: string): { indexQuery: string; lexiconText: string } | undefined {
  const text = query.trim().slice(0, MAX_QUERY_LENGTH);
  const terms = queryTerms(text);
  return terms.length ? { indexQuery: indexQuery(terms), lexiconText: normalizeDates(text) } : undefined;
}
