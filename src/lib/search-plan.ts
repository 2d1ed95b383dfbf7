/**
 * How a search walks the parts of the index (lib/search-parts.ts): which parts it asks, in what order, when it
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
 * Every candidate Pagefind offers is checked against its text (lib/search.ts), as before there were parts.
 */
import { dateQueryDays, dateQueryPeriod, type DateQuery } from './date-query.ts';
import { partsPeriodLabel, type SearchPartEntry, type SearchPartsManifest } from './search-parts.ts';
import { compareCandidates, containsAllTerms } from './search.ts';
import type { SearchFilter, SearchSort } from './search-state.ts';

/** What the index returns of an article: its path, text and metadata (Pagefind's `data()`). */
export interface CandidatePage {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

export interface Candidate {
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
}

/** Raised when a part's index could not be loaded (a dropped connection, a site deployed since the page opened). */
export class PartLoadError extends Error {
  constructor(
    readonly parts: readonly SearchPartEntry[],
    options?: ErrorOptions,
  ) {
    super(`search index part(s) ${parts.map((part) => part.name).join(', ')} could not be loaded`, options);
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
 * The articles published in a date query's period (lib/date-query.ts) that pass `filters`, newest first: from
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
}

/** The results of one step: the period it read and what it found there. */
export interface ResultGroup {
  parts: SearchPartEntry[];
  /** The period, e.g. 2024年 or 2015年至2022年. */
  label: string;
  matches: Match[];
  /** Every candidate of the step has been checked: `matches.length` is exact for its period. */
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
}

/** One reader's search over the parts, step by step, as the reader asks for more. */
export class PartedSearch {
  readonly groups: ResultGroup[] = [];
  /** Texts of checked candidates that did not match, for suggesting a separated query. */
  readonly misses: string[] = [];
  private opened = 0;
  private pending: Unit[] = [];
  private current: OpenUnit | undefined;
  /** Articles already checked, so that a unit searched again after a failure shows nothing twice. */
  private readonly seen = new Set<string>();
  /** Candidates checked so far, in every step. */
  checked = 0;

  constructor(
    private index: SearchIndex,
    readonly steps: readonly SearchPartEntry[][],
    readonly terms: readonly string[],
    private readonly options: PartedSearchOptions,
  ) {}

  private cancelled = false;

  /** Stops this search where it is: the reader has asked for another, which needs the connections. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Goes on with another index (the same parts, reloaded after a failure). */
  useIndex(index: SearchIndex): void {
    this.index = index;
  }

  get matchCount(): number {
    return this.groups.reduce((sum, group) => sum + group.matches.length, 0);
  }

  get matches(): Match[] {
    return this.groups.flatMap((group) => group.matches);
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
    return this.pending.length === 0 && (!this.current || this.current.checked >= this.current.candidates.length);
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
      get complete() {
        return isComplete();
      },
    });
    this.pending = this.options.sort === 'date' ? parts.map((part) => ({ parts: [part] })) : [{ parts }];
  }

  private async openUnit(unit: Unit): Promise<void> {
    const query = this.terms.join(' ');
    try {
      const candidates = await this.index.search(unit.parts, query, { filters: this.options.filters, byDate: this.options.sort === 'date' });
      this.current = { ...unit, candidates, checked: 0 };
    } catch (error) {
      this.pending.unshift(unit);
      throw error instanceof PartLoadError ? error : new PartLoadError(unit.parts, { cause: error });
    }
  }

  /** Checks the unit's next batch of candidates; returns how many. */
  private async checkBatch(unit: OpenUnit): Promise<number> {
    const start = unit.checked;
    let end = Math.min(unit.candidates.length, start + (start === 0 ? FIRST_CHECK_BATCH : CHECK_BATCH));
    // Candidates of equal score are checked together, so that the newer of them can be shown first.
    const limit = Math.min(unit.candidates.length, end + CHECK_BATCH);
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
    const found: Match[] = [];
    pages.forEach((page, index) => {
      if (this.seen.has(page.url)) return;
      this.seen.add(page.url);
      const title = page.meta.title ?? '';
      const text = `${title} ${page.content}`;
      if (containsAllTerms(text, this.terms)) {
        found.push({ page, order: start + index, inTitle: containsAllTerms(title, this.terms), score: batch[index]!.score, date: page.meta.date });
      }
      else this.misses.push(text);
    });
    // Matches of one batch are ranked among themselves; those already shown stay where they are.
    found.sort((a, b) => compareCandidates(a, b, this.options.sort === 'date' ? 'date' : 'relevance'));
    this.groups[this.groups.length - 1]!.matches.push(...found);
    return batch.length;
  }
}

/** How the search is going, in words, for the status line. */
export interface SearchProgress {
  /** The query as searched, e.g. 燃气 检查. */
  query: string;
  /** The filters and sort in words, e.g. （栏目“时政”，按时间排序）, or ''. */
  where: string;
  /** The query as typed, when it was searched in simplified characters instead. */
  convertedFrom?: string;
  /** The query as typed, when it found nothing and a query of the same pinyin is searched instead. */
  samePinyinFrom?: string;
  /** For a query that is a date: the period in words (2024年5月) and how many articles were published then. */
  dated?: { period: string; count: number };
  search: Pick<PartedSearch, 'matchCount' | 'complete' | 'searchedParts' | 'remainingParts' | 'openedStepsChecked'>;
}

export function describeProgress({ query, where, convertedFrom, samePinyinFrom, dated, search }: SearchProgress): string {
  const what = `“${query}”`;
  const converted =
    (dated ? (dated.count ? `${dated.period}发布的报道${where}共 ${dated.count} 篇。` : `${dated.period}没有发布的报道${where}。`) : '') +
    (convertedFrom ? `已把“${convertedFrom}”按简体${what}查找。` : '') +
    (samePinyinFrom ? `没有找到“${samePinyinFrom}”，以下是${what}的结果。` : '');
  const count = search.matchCount;
  if (search.complete && dated?.count) {
    // The articles of the date are the answer; the text matches, if any, come after them.
    return count === 0 ? `${converted}没有找到文字包含${what}的报道。` : `${converted}另找到 ${count} 篇文字包含${what}的报道。`;
  }
  if (search.complete) {
    return count === 0
      ? `${converted}没有找到包含${what}的报道${where}。可以换个说法，或减少搜索词、筛选条件。`
      : `${converted}找到 ${count} 篇包含${what}的报道${where}。`;
  }
  const remaining = search.remainingParts;
  // Candidates of the opened steps are left to check: there may be more (or, when none matched yet, some).
  const unchecked = !search.openedStepsChecked;
  if (remaining.length === 0) {
    return count === 0
      ? `${converted}暂未找到包含${what}的报道${where}，可以继续查找。`
      : `${converted}已找到 ${count} 篇包含${what}的报道${where}，还有更多。`;
  }
  const searched = `已查找${partsPeriodLabel(search.searchedParts)}的报道，`;
  const found =
    count === 0
      ? unchecked
        ? `暂未找到包含${what}的报道${where}，可以继续查找`
        : `没有找到包含${what}的报道${where}`
      : unchecked
        ? `目前找到 ${count} 篇包含${what}的报道${where}，还有更多`
        : `找到 ${count} 篇包含${what}的报道${where}`;
  return `${converted}${searched}${found}。${partsPeriodLabel(remaining)}的报道还没有查找。`;
}

/** What the "more" button does next, in words. */
export function moreLabel(search: Pick<PartedSearch, 'openedStepsChecked' | 'nextStep' | 'matchCount'>): string {
  const next = search.nextStep;
  if (search.openedStepsChecked && next) return `查找更早的报道（${partsPeriodLabel(next)}）`;
  return search.matchCount === 0 ? '继续查找' : '显示更多结果';
}
