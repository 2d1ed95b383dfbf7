/**
 * The search page: wires the form, the status line and the results to a PartedSearch (lib/search-plan.ts)
 * over the index in parts (./pagefind-parts.ts). Every candidate's text is checked (lib/search.ts), so a
 * result contains what the reader typed. A query in traditional characters that finds nothing is converted
 * to simplified and searched again; words typed together that are found only apart are offered as a
 * suggestion. The query, filters and sort order live in the URL (?q=…&column=…&year=…&reporter=…&sort=date).
 */
import { formatChineseDate, parseNewsDate } from '../lib/dates.ts';
import { formatDateQuery, parseDateQuery, type DateQuery } from '../lib/date-query.ts';
import { samePinyinQueries } from '../lib/same-pinyin.ts';
import {
  describeProgress,
  FIRST_CHECK_BATCH,
  moreLabel,
  PartedSearch,
  PartLoadError,
  searchByDate,
  stepsForSearch,
  type CandidatePage,
  type Match,
} from '../lib/search-plan.ts';
import { partsPeriodLabel } from '../lib/search-parts.ts';
import { readSearchState, SEARCH_FILTERS, writeSearchState, type SearchState } from '../lib/search-state.ts';
import { excerptHtml, hasHanCharacters, MAX_QUERY_LENGTH, queryTerms, suggestSeparatedQuery } from '../lib/search.ts';
import { createUrls } from '../lib/urls.ts';
import { PagefindParts } from './pagefind-parts.ts';

const RESULTS_PER_STEP = 20;
/**
 * A query that found nothing in the newest parts searches on through older ones by itself, checking at most
 * this many candidates: "nothing" then means nothing in the archive, which is when a same-pinyin word is
 * looked for. A query whose words are everywhere but never together stops here and waits for the reader.
 */
const MAX_UNASKED_CHECKS = 100;
/** Same-pinyin queries tried, best first, until one has results. */
const SAME_PINYIN_TRIES = 3;
/** A pause in typing this long starts loading the index for what is in the box. */
const PRELOAD_AFTER_TYPING_MS = 100;

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const results = document.querySelector<HTMLElement>('[data-search-results]');
  const more = document.querySelector<HTMLElement>('[data-search-more]');
  const moreButton = more?.querySelector('button');
  const suggestion = document.querySelector<HTMLElement>('[data-search-suggestion]');
  if (!form || !input || !status || !results || !more || !moreButton || !suggestion) return;
  const siteBase = form.dataset.siteBase ?? '/';

  let index: Promise<PagefindParts> | undefined;
  const openIndex = () => (index ??= PagefindParts.open(siteBase).catch((error: unknown) => ((index = undefined), Promise.reject(error))));
  /** Starts Pagefind afresh: after a failed load (Pagefind keeps the failure) or a deploy (new parts). */
  async function reopenIndex(): Promise<PagefindParts> {
    const old = await index?.catch(() => undefined);
    index = undefined;
    await old?.close();
    return openIndex();
  }

  let currentRun = 0;
  let next: (() => Promise<void>) | undefined;
  /** The search under way, stopped when the reader starts another. */
  let active: PartedSearch | undefined;

  async function search(state: SearchState, notice = ''): Promise<void> {
    const run = ++currentRun;
    active?.cancel();
    active = undefined;
    results!.replaceChildren();
    results!.removeAttribute('aria-busy');
    moreButton!.disabled = false;
    suggestion!.replaceChildren();
    more!.hidden = true;
    next = undefined;
    const query = state.query.trim().slice(0, MAX_QUERY_LENGTH);
    if (query === '') {
      status!.textContent = Object.keys(state.filters).length ? '请输入搜索词。' : '';
      return;
    }
    let terms = queryTerms(query);
    if (terms.length === 0) {
      status!.textContent = '请输入要查找的文字：只有空格或标点符号无法搜索。';
      return;
    }
    status!.textContent = `${notice}正在查找…`;
    let parts: PagefindParts;
    try {
      parts = await openIndex();
      if (parts.hasFailures) parts = await reopenIndex();
    } catch (error) {
      console.error(error);
      if (run === currentRun) status!.textContent = '搜索索引加载失败，请检查网络后刷新页面重试。';
      return;
    }
    if (run !== currentRun) return;
    const steps = stepsForSearch(parts.manifest, state.filters, state.sort);
    const newSearch = (searchTerms: readonly string[]) => new PartedSearch(parts, steps, searchTerms, { filters: state.filters, sort: state.sort });
    const start = (searchTerms: readonly string[]) => {
      active?.cancel();
      return (active = newSearch(searchTerms));
    };
    let found = start(terms);
    let simplifiedFrom: string | undefined;
    let samePinyinFrom: string | undefined;
    /** While the search looks further by itself (older parts, a same-pinyin word), "nothing" is not yet said. */
    let lookingFurther = false;
    const dateQuery = parseDateQuery(query);
    let dated: { period: string; count: number } | undefined;
    const dateView = new DateResultsView(results!, siteBase);
    const view = new ResultsView(results!, steps.length > 1);
    let failed: PartLoadError | undefined;
    /** Results on screen: a screen at first, another with each press of the button. */
    let visible = RESULTS_PER_STEP;

    /** Draws what was found; `settled` once a step of the search has ended, with or without results. */
    const show = (settled = false) => {
      if (run !== currentRun) return;
      view.render(found.groups, found.terms, visible);
      // Nothing found yet and still looking: the status keeps saying 正在查找… rather than 找到 0 篇.
      if (!settled && found.matchCount === 0 && !failed && (!found.openedStepsChecked || lookingFurther)) return;
      const where = describeFilters(state);
      // The query as typed; after a 繁→简 conversion or for a same-pinyin word, as searched.
      const shownQuery = simplifiedFrom || samePinyinFrom ? found.terms.join(' ') : query;
      const progress = describeProgress({ query: shownQuery, where, convertedFrom: simplifiedFrom, samePinyinFrom, dated, search: found });
      status!.textContent = failed ? `${progress}${failureText(failed)}` : `${notice}${progress}`;
      const hidden = found.matchCount > visible;
      moreButton!.textContent = failed ? '重试' : hidden ? '显示更多结果' : moreLabel(found);
      more!.hidden = !failed && !hidden && found.complete;
    };

    /** Runs one step of the search; a part that fails to load is reported and the results found so far stay. */
    const step = async (work: () => Promise<void>) => {
      failed = undefined;
      // While a step runs, the button waits and the results say they are busy (tests and screen readers wait).
      moreButton!.disabled = true;
      results!.setAttribute('aria-busy', 'true');
      try {
        await work();
      } catch (error) {
        if (!(error instanceof PartLoadError)) throw error;
        console.error(error);
        if (run !== currentRun) return;
        if (await parts.isOutdated()) {
          // The site was deployed since the page opened: its parts have new names. Search again with them.
          await reopenIndex();
          if (run === currentRun) await search(state, '网站的搜索索引刚刚更新，已重新查找。');
          return;
        }
        failed = error;
      } finally {
        if (run === currentRun) {
          moreButton!.disabled = false;
          results!.removeAttribute('aria-busy');
        }
      }
      show(true);
    };

    await step(async () => {
      if (dateQuery) {
        // What was published then, above any text matches: exact, from the index's day filter.
        const published = await searchByDate(parts, parts.manifest, dateQuery, state.filters);
        if (run !== currentRun) return;
        dated = { period: formatDateQuery(dateQuery), count: published.length };
        await dateView.render(dateQuery, published, describeFilters(state));
      }
      // One batch first: if nothing in it matches, the query may be in traditional characters.
      await found.more(RESULTS_PER_STEP, { onProgress: () => show(), maxChecks: FIRST_CHECK_BATCH });
      if (found.matchCount === 0 && hasHanCharacters(query) && !state.asTyped) {
        // Only now is the converter (about 50 KB compressed) worth loading: the query as typed matched none
        // of the first candidates. A query the converter changes has traditional characters, and the archive
        // is written in simplified ones, so the converted query is the one to search.
        const simplified = await toSimplified(query);
        if (simplified !== query && run === currentRun) {
          terms = queryTerms(simplified);
          simplifiedFrom = query;
          found = start(terms);
          view.clear();
        }
      }
      // The same request goes on: with the converted query it may open its first step, but no step beyond.
      await found.more(RESULTS_PER_STEP - found.matchCount, { onProgress: () => show(), mayOpenStep: found.searchedParts.length === 0 });
      if (found.matchCount > 0 || dated?.count || run !== currentRun) return;
      lookingFurther = true;
      try {
        await searchOn(found);
        if (found.matchCount === 0 && hasHanCharacters(found.terms.join('')) && !state.asTyped) {
          const instead = await findSamePinyin(found.terms);
          if (instead && run === currentRun && found.complete) {
            // Nothing in the whole archive: the results of the word the reader most likely meant, said so.
            samePinyinFrom = simplifiedFrom ?? query;
            active?.cancel();
            found = active = instead;
            view.clear();
            offerQueryAsTyped(suggestion!, samePinyinFrom, state);
          } else if (instead && run === currentRun) {
            // Candidates are left unchecked (the words are common apart): the query may yet find something,
            // so the other word is offered, not shown in its place.
            offerQuery(suggestion!, '您是不是要找：', instead.terms, state);
          }
        }
      } finally {
        lookingFurther = false;
      }
    });
    if (run !== currentRun) return;
    const separated = found.matchCount === 0 && found.openedStepsChecked && !dated?.count ? suggestSeparatedQuery(found.misses, found.terms) : undefined;
    if (separated) offerQuery(suggestion!, '这些词在报道中分开出现，试试分开搜索：', separated, state);

    /** Searches on through older parts while nothing is found, within MAX_UNASKED_CHECKS candidates. */
    async function searchOn(search: PartedSearch): Promise<void> {
      const limit = search.checked + MAX_UNASKED_CHECKS;
      while (search.matchCount === 0 && !search.complete && search.checked < limit && run === currentRun) {
        await search.more(RESULTS_PER_STEP, { onProgress: () => show(), maxChecks: limit - search.checked });
      }
    }

    /**
     * A search for a query of the same pinyin (lib/same-pinyin.ts) that has results, if there is one: only now
     * are the vocabulary and the reading table loaded.
     */
    async function findSamePinyin(typed: readonly string[]): Promise<PartedSearch | undefined> {
      let data;
      try {
        data = await parts.samePinyin(typed);
      } catch (error) {
        // A suggestion is a courtesy: without its files the search says it found nothing, as it did.
        console.error(error);
        return undefined;
      }
      for (const candidate of samePinyinQueries(typed, data.vocabulary, data.readings, SAME_PINYIN_TRIES)) {
        if (run !== currentRun) return undefined;
        // Not shown while it runs (show() draws `found`); adopted only if it finds something.
        const search = newSearch(candidate);
        await search.more(RESULTS_PER_STEP);
        await searchOn(search);
        if (search.matchCount > 0) return search;
      }
      return undefined;
    }

    next = () => {
      const retry = failed !== undefined;
      return step(async () => {
        if (retry) {
          parts = await reopenIndex();
          found.useIndex(parts);
        } else {
          visible = Math.min(visible, found.matchCount) + RESULTS_PER_STEP;
        }
        // Matches found already (checked for the exact count) are shown first; more are searched for if needed.
        if (found.matchCount < visible) await found.more(visible - found.matchCount, { onProgress: () => show() });
      });
    };
  }

  function showStateFromUrl(): void {
    const state = readSearchState(new URLSearchParams(location.search));
    input!.value = state.query;
    for (const name of [...SEARCH_FILTERS, 'sort'] as const) {
      const select = form!.elements.namedItem(name);
      if (!(select instanceof HTMLSelectElement)) continue;
      const value = name === 'sort' ? state.sort : (state.filters[name] ?? '');
      // A linked filter value the archive no longer lists still shows, rather than silently reading "all".
      if (value && ![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
      select.value = value;
    }
    void search(state);
  }

  const formState = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.set(name, value);
    return readSearchState(params);
  };

  /**
   * While the reader types, the first step's index chunks for the words typed so far are fetched, so that
   * the search Enter starts has them: on a mobile connection that is a round trip less between Enter and the
   * results. Only what that search would fetch is fetched — the words in the box, the first step's parts.
   */
  let preloadTimer: ReturnType<typeof setTimeout> | undefined;
  async function preloadTyped(): Promise<void> {
    const state = formState();
    const terms = queryTerms(state.query.trim().slice(0, MAX_QUERY_LENGTH));
    if (terms.length === 0) return;
    try {
      const parts = await openIndex();
      const firstStep = stepsForSearch(parts.manifest, state.filters, state.sort)[0];
      if (firstStep && !parts.hasFailures) await parts.preload(firstStep, terms.join(' '), state.filters);
    } catch {
      // Nothing to tell yet: the search itself reports an index that does not load.
    }
  }
  const schedulePreload = () => {
    clearTimeout(preloadTimer);
    preloadTimer = setTimeout(() => void preloadTyped(), PRELOAD_AFTER_TYPING_MS);
  };
  // An input method's pinyin is not the query: only what it commits is (compositionend).
  input.addEventListener('input', (event) => {
    if (!(event instanceof InputEvent && event.isComposing)) schedulePreload();
  });
  input.addEventListener('compositionend', schedulePreload);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(preloadTimer);
    const state = formState();
    const url = `${location.pathname}${writeSearchState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void search(state);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement && input.value.trim()) form.requestSubmit();
  });
  moreButton.addEventListener('click', () => void next?.());
  window.addEventListener('popstate', showStateFromUrl);
  showStateFromUrl();
}

/**
 * The results, a list per step of the search. With more than one step each list has a heading naming its
 * period, so a reader sees that results are grouped by period, newest first. Results are only ever appended.
 */
class ResultsView {
  private lists: HTMLOListElement[] = [];
  private headings: HTMLElement[] = [];
  private shown: number[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly grouped: boolean,
  ) {}

  clear(): void {
    for (const list of this.lists) list.parentElement!.remove();
    this.lists = [];
    this.headings = [];
    this.shown = [];
  }

  /** Shows what is new in `groups`, up to `limit` results in all. */
  render(groups: readonly { label: string; matches: readonly Match[]; complete: boolean }[], terms: readonly string[], limit: number): void {
    let room = limit - this.shown.reduce((sum, count) => sum + count, 0);
    groups.forEach((group, groupIndex) => {
      const list = this.lists[groupIndex] ?? this.addGroup();
      const from = this.shown[groupIndex]!;
      const to = Math.min(group.matches.length, from + Math.max(0, room));
      for (const match of group.matches.slice(from, to)) list.append(resultItem(match, terms, this.grouped ? 'h3' : 'h2'));
      room -= to - from;
      this.shown[groupIndex] = to;
      // A step that found nothing takes no room; the status line says which periods were searched.
      list.parentElement!.hidden = to === 0;
      const heading = this.headings[groupIndex];
      if (heading) {
        const count = group.complete ? `${group.matches.length} 篇` : `已找到 ${group.matches.length} 篇`;
        heading.textContent = `${group.label}的报道（${count}）`;
      }
    });
  }

  private addGroup(): HTMLOListElement {
    const section = document.createElement('section');
    section.className = 'search-group';
    if (this.grouped) {
      const heading = document.createElement('h2');
      heading.className = 'search-group__title';
      section.append(heading);
      this.headings.push(heading);
    }
    const list = document.createElement('ol');
    list.className = 'search-results';
    section.append(list);
    this.container.append(section);
    this.lists.push(list);
    this.shown.push(0);
    return list;
  }
}

function failureText(error: PartLoadError): string {
  return `${partsPeriodLabel(error.parts)}的搜索索引没有加载成功（网络可能中断了），已显示找到的结果。可以点“重试”继续查找。`;
}

function describeFilters(state: SearchState): string {
  const parts = [
    state.filters.column && `栏目“${state.filters.column}”`,
    state.filters.year && `${state.filters.year}年`,
    state.filters.reporter && `记者${state.filters.reporter}`,
    state.sort === 'date' && '按时间排序',
    state.sort === 'overall' && '全部年份按相关度排序',
  ].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

async function toSimplified(text: string): Promise<string> {
  const OpenCC = await import('opencc-js/t2cn');
  return OpenCC.Converter({ from: 'tw', to: 'cn' })(text);
}

/**
 * What was published in a date query's period: a group above the text matches, newest first, a screen of
 * them, with a link to the day's or month's archive page, which lists them all.
 */
class DateResultsView {
  constructor(
    private readonly container: HTMLElement,
    private readonly siteBase: string,
  ) {}

  async render(query: DateQuery, published: readonly { data(): Promise<CandidatePage> }[], where: string): Promise<void> {
    if (published.length === 0) return;
    const pages = await Promise.all(published.slice(0, RESULTS_PER_STEP).map((candidate) => candidate.data()));
    pages.sort((a, b) => (b.meta.date ?? '').localeCompare(a.meta.date ?? ''));
    const section = document.createElement('section');
    section.className = 'search-group search-group--date';
    const period = formatDateQuery(query);
    const heading = document.createElement('h2');
    heading.className = 'search-group__title';
    heading.textContent = `${period}发布的报道${where}（${published.length} 篇）`;
    const list = document.createElement('ol');
    list.className = 'search-results';
    for (const [order, page] of pages.entries()) list.append(resultItem({ page, order, inTitle: false }, [], 'h3'));
    const urls = createUrls(this.siteBase);
    const archive = document.createElement('p');
    archive.className = 'search-group__archive';
    const link = document.createElement('a');
    link.href = query.day === undefined ? urls.archiveMonth(query.year, query.month) : urls.archiveDay(query.year, query.month, query.day);
    link.textContent = `${period}的全部报道`;
    archive.append('按日期浏览：', link);
    section.append(heading, list, archive);
    this.container.prepend(section);
  }
}

/**
 * A link to the same search with other terms, after a prompt: “您是不是要找：刘斌” (a word of the same pinyin),
 * “这些词在报道中分开出现，试试分开搜索：李晓雷 燃气” (words found apart).
 */
function offerQuery(target: HTMLElement, prompt: string, terms: readonly string[], state: SearchState): void {
  const query = terms.join(' ');
  const link = document.createElement('a');
  link.href = `${location.pathname}${writeSearchState({ ...state, query })}`;
  link.textContent = query;
  target.append(prompt, link);
}

/** “仍然查找“刘滨”” — after a same-pinyin suggestion, a link to the search for the query as typed. */
function offerQueryAsTyped(target: HTMLElement, typed: string, state: SearchState): void {
  const link = document.createElement('a');
  link.href = `${location.pathname}${writeSearchState({ ...state, query: typed, asTyped: true })}`;
  link.textContent = `仍然查找“${typed}”`;
  target.append(link);
}


function resultItem({ page }: Match, terms: readonly string[], headingLevel: 'h2' | 'h3'): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement(headingLevel);
  heading.className = 'search-result__title';
  const link = document.createElement('a');
  const url = new URL(page.url, location.href);
  // The article page marks the words searched for; a result shown for its date has none.
  if (terms.length) url.searchParams.set('q', terms.join(' '));
  link.href = url.pathname + url.search;
  link.textContent = page.meta.title ?? page.url;
  heading.append(link);

  const meta = document.createElement('p');
  meta.className = 'search-result__meta';
  const date = page.meta.date ? parseNewsDate(page.meta.date) : undefined;
  meta.textContent = [date?.ok ? formatChineseDate(date.date) : '', page.meta.column ?? ''].filter(Boolean).join(' · ');

  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  // Shown without a match (for its date), the excerpt is the opening of the text after the headline.
  const title = page.meta.title ?? '';
  const text = terms.length === 0 && title && page.content.startsWith(title) ? page.content.slice(title.length).trimStart() : page.content;
  // excerptHtml escapes all page text; only its own <mark> elements are markup.
  excerpt.innerHTML = excerptHtml(text, terms);
  item.append(heading, meta, excerpt);
  return item;
}
