/**
 * How a search walks the parts of the index (lib/search/build/parts-plan.ts): which parts it asks, in what order, when it
 * stops, and how what it finds is grouped. The search page (src/scripts/search.ts) gives it Pagefind and draws
 * what it holds; this module knows nothing of either.
 *
 * A search reads the index in steps, newest parts first. The first step reads the newest parts holding about
 * `firstStepPages` articles, so a first search costs the same on an archive of 50,000 articles as on one of
 * 5,000. Each later step, read only when the reader asks for more, reads twice as many articles as the step
 * before, so the whole archive is a few steps away. Results are grouped by step: within a step, by relevance
 * (or by date), and steps newest first. Results on screen are never reordered: a step's results follow the
 * results of the steps before it. Sorted by relevance over the whole archive (`overall`), one step reads every
 * part, which is what that order costs.
 *
 * Every candidate Pagefind offers is checked against its text (lib/search/browser/match.ts), as before there were parts, and
 * put in one of two tiers: the articles that contain the query as typed, then those that contain every word of
 * it anywhere (lib/search/browser/query.ts). Within a step the first tier comes first: Pagefind's phrase search says
 * which candidates have the query's words side by side, and those are checked first, so the first tier is
 * complete before the second begins — without fetching the text of every candidate. One that the phrase
 * search missed (it matches whole index words, so a fragment like 化改 escapes it) is still found when its
 * text is checked: in the first tier while the second has nothing yet, otherwise in the second, marked as
 * exact. The second tier waits for the query's words (the lexicon's shards); the first never does.
 */
import { dateQueryDays, dateQueryPeriod, type DateQuery } from './date-query.ts';
import { partsPeriodLabel, type SearchPartEntry, type SearchPartsManifest } from '../parts-manifest.ts';
import { compareCandidates, containsAllTerms, containsAllWords, wordsCloseness } from './match.ts';
import { indexQuery } from './query.ts';
import type { SearchFilter, SearchSort } from './url-state.ts';

/** What the index returns of an article: its path, text and metadata (Pagefind's `data()`). */
export interface CandidatePage {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

export interface Candidate {
  /** The index's own id of the article (Pagefind's page hash), the same in every search. */
  id: string;
  data(): Promise<CandidatePage>;
  /** Pagefind's relevance score (absent when sorted by date). */
  score?: number;
}

export type SearchFilters = Partial<Record<SearchFilter, string>>;

/** The index, as this module uses it. */
export interface SearchIndex {
  /**
   * Candidates for `query` among the articles of `parts` that pass `filters`: best first, or with `byDate`
   * (then `parts` is one part) newest first. With `query` null, every article that passes the filters and,
   * with `days`, was published on one of them (ISO days).
   */
  search(parts: readonly SearchPartEntry[], query: string | null, options: { filters: SearchFilters; byDate: boolean; days?: readonly string[] }): Promise<Candidate[]>;
  /**
   * The ids of the articles among `parts` in which the index has each term's words side by side (Pagefind's
   * phrase search): the likely exact matches, checked first. Absent: candidates are checked in their order.
   */
  likelyMatches?(parts: readonly SearchPartEntry[], terms: readonly string[], options: { filters: SearchFilters }): Promise<ReadonlySet<string>>;
}

/** What reading the query's words tells a search (lib/search/browser/session.ts): its second tier, and more to ask for. */
export interface QueryReading {
  /** The second tier, when the words ask for more than the terms as typed. */
  tier?: TierWords;
  /**
   * The typed query with a fragment completed to the archive's words that begin with it (白博 → 白博文): asked
   * for too, as candidates of the first tier. Pagefind matches a fragment as the prefix of a word only within
   * the one index chunk the fragment sorts into; a word that begins with it in the next chunk is missed.
   */
  completed?: readonly string[];
}

/** The second tier of a search: what an article must contain anywhere, and how the page names it. */
export interface TierWords {
  /** The words, each of which an article must contain (lib/search/browser/query.ts). */
  words: readonly string[];
  /** Filters the second tier adds (the year of a date query: 5月6日 in articles of 2024). */
  filters?: SearchFilters;
}

/** Raised when a part's index could not be loaded (a dropped connection, a site deployed since the page opened). */
export class PartLoadError extends Error {
  readonly parts: readonly SearchPartEntry[];

  constructor(parts: readonly SearchPartEntry[], options?: ErrorOptions) {
    super(`search index part(s) ${parts.map((part) => part.name).join(', ')} could not be loaded`, options);
    this.parts = parts;
    this.name = 'PartLoadError';
  }
}

/** The parts a search with these filters can find anything in, newest first. */
export function partsForFilters(parts: readonly SearchPartEntry[], filters: SearchFilters): SearchPartEntry[] {
  return parts.filter(
    (part) =>
      (!filters.year || (part.from.slice(0, 4) <= filters.year && filters.year <= part.to.slice(0, 4))) &&
      (!filters.reporter || part.reporters.includes(filters.reporter)),
  );
}

/**
 * The steps of a search, newest parts first: the first reads about `firstStepPages` articles (the newest parts
 * whose sum comes nearest to it, at least one part), each later one about twice as many as the step before;
 * sorted by relevance over the whole archive, one step reads every part.
 */
export function searchSteps(parts: readonly SearchPartEntry[], sort: SearchSort, firstStepPages: number): SearchPartEntry[][] {
  if (sort === 'overall') return parts.length ? [[...parts]] : [];
  const steps: SearchPartEntry[][] = [];
  let budget = firstStepPages;
  let step: SearchPartEntry[] = [];
  let pages = 0;
  for (const part of parts) {
    // A step takes the next part when that brings it nearer its budget than stopping short would.
    if (step.length && pages + part.pages / 2 > budget) {
      steps.push(step);
      step = [];
      pages = 0;
      budget *= 2;
    }
    step.push(part);
    pages += part.pages;
  }
  if (step.length) steps.push(step);
  return steps;
}

/**
 * The articles published in a date query's period (lib/search/browser/date-query.ts) that pass `filters`, newest first: from
 * the index's `day` filter, reading only the parts whose period overlaps it. Exact: nothing is checked.
 */
export async function searchByDate(index: SearchIndex, manifest: SearchPartsManifest, query: DateQuery, filters: SearchFilters): Promise<Candidate[]> {
  const { from, to } = dateQueryPeriod(query);
  const parts = partsForFilters(manifest.parts, filters).filter((part) => part.from <= to && from <= part.to);
  if (parts.length === 0) return [];
  try {
    return await index.search(parts, null, { filters, byDate: true, days: dateQueryDays(query) });
  } catch (error) {
    throw error instanceof PartLoadError ? error : new PartLoadError(parts, { cause: error });
  }
}

/** The steps of a search with these filters and this order over the parts the manifest lists. */
export function stepsForSearch(manifest: SearchPartsManifest, filters: SearchFilters, sort: SearchSort): SearchPartEntry[][] {
  return searchSteps(partsForFilters(manifest.parts, filters), sort, manifest.firstStepPages);
}

export interface Match {
  page: CandidatePage;
  /** Position in the index's order within its step. */
  order: number;
  inTitle: boolean;
  score?: number;
  date?: string;
  /** In the second tier: how close together its words stand (lib/search/browser/match.ts wordsCloseness). */
  closeness?: number;
  /** In the second tier: it contains the query as typed too (found after the second tier had begun). */
  exact?: boolean;
}

/** The results of one step: the period it read and what it found there. */
export interface ResultGroup {
  parts: SearchPartEntry[];
  /** The period, e.g. 2024年 or 2015年至2022年. */
  label: string;
  /** The first tier: articles that contain the query as typed. */
  matches: Match[];
  /** The second tier: articles that contain every word of the query, anywhere. */
  wordMatches: Match[];
  /** Every candidate of the step has been checked: the counts are exact for its period. */
  readonly complete: boolean;
}

/** Candidates are loaded ten at a time: each is a request for its text (about 2 KB). */
export const CHECK_BATCH = 10;
/**
 * A unit's first batch is smaller, so its first results are on screen after one round of requests: browsers
 * open six connections to a host that speaks HTTP/1.1.
 */
export const FIRST_CHECK_BATCH = 6;
/**
 * At most this many candidates are checked per call of `more()`: a query whose candidates rarely match (its
 * words found apart) must not fetch hundreds of texts before the reader has seen anything.
 */
export const MAX_CHECKS_PER_CALL = 50;
/**
 * A unit with at most this many candidates is checked to the end even after a screen of results is found, so
 * the count shown is exact; beyond it, candidates are checked only as the reader asks for more.
 */
export const CHECK_ALL_UP_TO = 50;

/** One search of the index: a step when sorted by relevance, one part of a step when sorted by date. */
interface Unit {
  parts: SearchPartEntry[];
}

interface OpenUnit extends Unit {
  candidates: Candidate[];
  checked: number;
  /** The first `likely` candidates are the likely exact matches; the first tier is complete when they are checked. */
  likely: number;
  /** Whether the candidates after the likely ones are final: the second tier's, once the query's words are known. */
  extended: boolean;
  /**
   * Candidates checked before the query's words were known that do not have the query as typed: kept with
   * their text, to be checked for the second tier without fetching them again.
   */
  early: Candidate[];
  /** Candidates from here on were offered for the query as typed only: they are checked for the first tier alone. */
  typedOnlyFrom: number;
}

export interface MoreOptions {
  /** Runs after each batch, so results can be shown as they are found. */
  onProgress?: () => void;
  /** The most candidates to check in this call (default MAX_CHECKS_PER_CALL). */
  maxChecks?: number;
  /** Whether this call may open the next step (false when it goes on with the reader's last request). */
  mayOpenStep?: boolean;
}

export interface PartedSearchOptions {
  filters: SearchFilters;
  sort: SearchSort;
  /** What reading the query's words tells (its second tier, fragments completed); resolved once read. */
  reading?: Promise<QueryReading | undefined>;
  /** Articles (index ids) not to show: those listed already for the query's date. */
  exclude?: ReadonlySet<string>;
}

/** One reader's search over the parts, step by step, as the reader asks for more. */
export class PartedSearch {
  readonly groups: ResultGroup[] = [];
  private opened = 0;
  private pending: Unit[] = [];
  private current: OpenUnit | undefined;
  /** Articles already checked (index ids), so that a unit searched again after a failure shows nothing twice. */
  private readonly seen = new Set<string>();
  /** Candidates checked so far, in every step. */
  checked = 0;
  /** The second tier's words, once the query has been read (undefined: it has none, or not yet known). */
  tierWords: TierWords | undefined;
  /** Whether the query's words have been read (so a unit can be laid out for both tiers when it opens). */
  private wordsKnown = false;

  private index: SearchIndex;
  readonly steps: readonly SearchPartEntry[][];
  readonly terms: readonly string[];
  private readonly options: PartedSearchOptions;

  constructor(index: SearchIndex, steps: readonly SearchPartEntry[][], terms: readonly string[], options: PartedSearchOptions) {
    this.index = index;
    this.steps = steps;
    this.terms = terms;
    this.options = options;
    if (!options.reading) this.wordsKnown = true;
    else
      void options.reading.then(
        (reading) => ((this.tierWords = reading?.tier), (this.wordsKnown = true)),
        () => (this.wordsKnown = true),
      );
  }

  private cancelled = false;

  /** Stops this search where it is: the reader has asked for another, which needs the connections. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Goes on with another index (the same parts, reloaded after a failure). */
  useIndex(index: SearchIndex): void {
    this.index = index;
  }

  /** Results found in both tiers. */
  get matchCount(): number {
    return this.groups.reduce((sum, group) => sum + group.matches.length + group.wordMatches.length, 0);
  }

  /** Articles found that contain the query as typed (the first tier, and any found late in the second). */
  get exactCount(): number {
    return this.groups.reduce((sum, group) => sum + group.matches.length + group.wordMatches.filter((match) => match.exact).length, 0);
  }

  /** Articles of the second tier that do not contain the query as typed. */
  get wordCount(): number {
    return this.matchCount - this.exactCount;
  }

  /** Every result found, in the order shown: step by step, the first tier before the second. */
  get matches(): Match[] {
    return this.groups.flatMap((group) => [...group.matches, ...group.wordMatches]);
  }

  /** How many steps have been opened. */
  get openedSteps(): number {
    return this.opened;
  }

  /** The parts of the steps opened so far, newest first. */
  get searchedParts(): SearchPartEntry[] {
    return this.steps.slice(0, this.opened).flat();
  }

  /** The parts no step has read yet, newest first. */
  get remainingParts(): SearchPartEntry[] {
    return this.steps.slice(this.opened).flat();
  }

  /** Every opened step is checked to its end: the next `more()` opens a step. */
  get openedStepsChecked(): boolean {
    return this.pending.length === 0 && (!this.current || (this.current.extended && this.current.checked >= this.current.candidates.length));
  }

  /** Everything has been searched and checked: the count is exact for the whole archive. */
  get complete(): boolean {
    return this.opened >= this.steps.length && this.openedStepsChecked;
  }

  /** The parts the next `more()` starts reading once the open step is checked, if any. */
  get nextStep(): SearchPartEntry[] | undefined {
    return this.steps[this.opened];
  }

  /**
   * Finds up to `count` more matches: checks the open step's candidates and, when they run out, opens the next
   * step — at most one per call, since each step costs its parts' index and the reader asked for one screen.
   * A part that fails to load
   * raises PartLoadError; what was found stays, and a later call tries that part again.
   */
  async more(count: number, { onProgress = () => {}, maxChecks = MAX_CHECKS_PER_CALL, mayOpenStep = true }: MoreOptions = {}): Promise<void> {
    const target = this.matchCount + count;
    let openedStep = !mayOpenStep;
    let checks = 0;
    for (;;) {
      if (this.cancelled) return;
      const unit = this.current;
      if (unit && !unit.extended && unit.checked >= unit.likely) {
        await this.extend(unit);
        continue;
      }
      if (unit && unit.checked < unit.candidates.length) {
        const wanted = this.matchCount < target || unit.candidates.length <= CHECK_ALL_UP_TO;
        if (!wanted || checks >= maxChecks) break;
        checks += await this.checkBatch(unit);
        onProgress();
        continue;
      }
      if (this.matchCount >= target) break;
      const next = this.pending.shift();
      if (next) {
        await this.openUnit(next);
        continue;
      }
      if (openedStep || this.opened >= this.steps.length) break;
      this.openStep();
      openedStep = true;
    }
    onProgress();
  }

  private openStep(): void {
    const parts = this.steps[this.opened]!;
    this.opened += 1;
    const position = this.groups.length;
    // A step is checked to its end once a later step is open, or when it is the last and nothing is left.
    const isComplete = () => position < this.groups.length - 1 || this.openedStepsChecked;
    this.groups.push({
      parts,
      label: partsPeriodLabel(parts),
      matches: [],
      wordMatches: [],
      get complete() {
        return isComplete();
      },
    });
    this.pending = this.options.sort === 'date' ? parts.map((part) => ({ parts: [part] })) : [{ parts }];
  }

  private get byDate(): boolean {
    return this.options.sort === 'date';
  }

  private async searchUnit<T>(unit: Unit, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.pending.unshift(unit);
      throw error instanceof PartLoadError ? error : new PartLoadError(unit.parts, { cause: error });
    }
  }

  /**
   * Opens a unit: Pagefind's candidates for the query as typed, in its order. When the query's words are known
   * already (their shards arrived while the reader typed) the unit is laid out for both tiers at once;
   * otherwise its first batch is checked while they arrive (the first tier never waits), and `extend` lays out
   * the rest.
   */
  private async openUnit(unit: Unit): Promise<void> {
    const { filters } = this.options;
    const candidates = await this.searchUnit(unit, () => this.index.search(unit.parts, indexQuery(this.terms), { filters, byDate: this.byDate }));
    const fresh = candidates.filter((candidate) => !this.options.exclude?.has(candidate.id));
    const opened: OpenUnit = { ...unit, candidates: fresh, checked: 0, likely: Math.min(FIRST_CHECK_BATCH, fresh.length), extended: false, early: [], typedOnlyFrom: fresh.length };
    if (this.wordsKnown) await this.extend(opened);
    this.current = opened;
  }

  /**
   * Lays out the unit's unchecked candidates once the query's words are known. First the likely exact matches:
   * with a second tier, Pagefind's phrase search of the typed terms says which they are, so that the first tier
   * is complete before the second begins; and the candidates for the typed query with a fragment completed
   * (QueryReading.completed). Then Pagefind's candidates for the second tier's words (which take in the query's
   * own, less its function words), then any candidate of the typed query that search did not offer, checked
   * for the first tier alone. Without a second tier, Pagefind's order, as for any query.
   */
  private async extend(unit: OpenUnit): Promise<void> {
    const reading = await this.options.reading?.catch(() => undefined);
    const words = reading?.tier;
    this.tierWords = words;
    this.wordsKnown = true;
    const { filters } = this.options;
    // With a second tier, or for several terms by relevance, the likely exact matches first (terms found apart
    // are common, and one word's candidates mostly have it as typed); sorted by date, a list without a second
    // tier keeps its date order.
    const likelyFirst = words !== undefined || (this.terms.length > 1 && !this.byDate);
    const [likely, wordCandidates, ...completed] = await this.searchUnit(unit, () =>
      Promise.all([
        likelyFirst ? this.index.likelyMatches?.(unit.parts, this.terms, { filters }) : undefined,
        words ? this.index.search(unit.parts, words.words.join(' '), { filters: { ...filters, ...words.filters }, byDate: this.byDate }) : undefined,
        ...(reading?.completed ?? []).map((query) => this.index.search(unit.parts, query, { filters, byDate: this.byDate })),
      ]),
    );
    const checked = unit.candidates.slice(0, unit.checked);
    const taken = new Set(checked.map((candidate) => candidate.id));
    const take = (candidates: readonly Candidate[]) => {
      const fresh = candidates.filter((candidate) => !taken.has(candidate.id) && !this.options.exclude?.has(candidate.id));
      for (const candidate of fresh) taken.add(candidate.id);
      return fresh;
    };
    const rest = unit.candidates.slice(unit.checked);
    const first = take(likelyFirst ? rest.filter((candidate) => likely?.has(candidate.id) ?? Boolean(words)) : []);
    const extra = take(completed.flat());
    if (words) {
      // The first batch's candidates without the query as typed are the first to check for the words, if the
      // words' search offers them (it may filter more: the year of a date).
      const offered = new Set(wordCandidates!.map((candidate) => candidate.id));
      const early = unit.early.filter((candidate) => offered.has(candidate.id));
      for (const candidate of early) this.seen.delete(candidate.id);
      for (const candidate of early) taken.add(candidate.id);
      const second = take(wordCandidates!);
      unit.candidates = [...checked, ...first, ...extra, ...early, ...second, ...take(rest)];
      unit.likely = unit.checked + first.length + extra.length;
      unit.typedOnlyFrom = unit.likely + early.length + second.length;
    } else {
      unit.candidates = [...checked, ...first, ...extra, ...take(rest)];
      unit.likely = unit.candidates.length;
    }
    unit.early = [];
    unit.extended = true;
  }

  /** Checks the unit's next batch of candidates; returns how many. */
  private async checkBatch(unit: OpenUnit): Promise<number> {
    const start = unit.checked;
    // A batch stays within the likely exact matches, or beyond them: the first tier is complete before the second.
    const boundary = start < unit.likely ? unit.likely : unit.candidates.length;
    let end = Math.min(boundary, start + (start === 0 ? FIRST_CHECK_BATCH : CHECK_BATCH));
    // Candidates of equal score are checked together, so that the newer of them can be shown first.
    const limit = Math.min(boundary, end + CHECK_BATCH);
    const score = (index: number) => unit.candidates[index]?.score;
    while (end < limit && score(end) !== undefined && score(end) === score(end - 1)) end += 1;
    const batch = unit.candidates.slice(start, end);
    let pages: CandidatePage[];
    try {
      pages = await Promise.all(batch.map((candidate) => candidate.data()));
    } catch (error) {
      // The unit is searched again from its start next time; `seen` keeps what was shown from showing twice.
      this.current = undefined;
      this.pending.unshift({ parts: unit.parts });
      throw error instanceof PartLoadError ? error : new PartLoadError(unit.parts, { cause: error });
    }
    unit.checked += batch.length;
    this.checked += batch.length;
    const group = this.groups[this.groups.length - 1]!;
    const words = unit.extended ? this.tierWords : undefined;
    const exact: Match[] = [];
    const byWords: Match[] = [];
    pages.forEach((page, index) => {
      const candidate = batch[index]!;
      if (this.seen.has(candidate.id)) return;
      this.seen.add(candidate.id);
      const title = page.meta.title ?? '';
      const text = `${title} ${page.content}`;
      const match = { page, order: start + index, score: candidate.score, date: page.meta.date };
      if (containsAllTerms(text, this.terms)) exact.push({ ...match, inTitle: containsAllTerms(title, this.terms) });
      else if (!unit.extended) unit.early.push({ id: candidate.id, score: candidate.score, data: async () => page });
      else if (words && start + index < unit.typedOnlyFrom && containsAllWords(text, words.words)) byWords.push({ ...match, inTitle: containsAllWords(title, words.words), closeness: wordsCloseness(text, words.words) });
    });
    const sort = this.byDate ? 'date' : 'relevance';
    // Matches of one batch are ranked among themselves; those already shown stay where they are.
    exact.sort((a, b) => compareCandidates(a, b, sort));
    if (group.wordMatches.length === 0) group.matches.push(...exact);
    else byWords.push(...exact.map((match) => ({ ...match, exact: true })));
    byWords.sort((a, b) => compareWordMatches(a, b, sort));
    group.wordMatches.push(...byWords);
    return batch.length;
  }
}

/**
 * The order of the second tier: sorted by relevance, articles whose headline has every word first, then those
 * whose words stand closest together (side by side, one sentence, one paragraph, apart), then Pagefind's order
 * (its score weighs how rare each word is and how often the article has it); sorted by date, the date order.
 * An article found late that has the query as typed comes before them all.
 */
export function compareWordMatches(a: Match, b: Match, sort: 'relevance' | 'date'): number {
  if (sort === 'date') return a.order - b.order;
  return Number(Boolean(b.exact)) - Number(Boolean(a.exact)) || Number(b.inTitle) - Number(a.inTitle) || (a.closeness ?? 3) - (b.closeness ?? 3) || compareCandidates(a, b, sort);
}
