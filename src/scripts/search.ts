/**
 * The search page: wires the form to a SearchSession (lib/search/browser/session.ts), which holds every rule of the
 * search, over the index in parts (./pagefind-parts.ts), and renders what the session reports: the status
 * line, a date's articles, the results of each period in two tiers (the query as typed, then its words
 * anywhere), links it suggests, and the "more" button. The query, filters and sort order live in the URL
 * (?q=…&column=…&year=…&reporter=…&sort=date).
 */
import { formatChineseDate, parseNewsDate } from '../lib/dates.ts';
import { stepsForSearch, type Match, type PartedSearch } from '../lib/search/browser/plan.ts';
import { describeWords } from '../lib/search/browser/progress-text.ts';
import { preloadFor, SearchSession, type DatedResults, type SessionView, type Suggestion } from '../lib/search/browser/session.ts';
import { readSearchState, SEARCH_FILTERS, writeSearchState, type SearchState } from '../lib/search/browser/url-state.ts';
import { excerptHtml } from '../lib/search/browser/match.ts';
import { createUrls } from '../lib/urls.ts';
import { PagefindParts, type FirstSearch } from './pagefind-parts.ts';

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
  const openIndex = (first?: FirstSearch) =>
    (index ??= PagefindParts.open(siteBase, first).catch((error: unknown) => ((index = undefined), Promise.reject(error))));
  /** Starts Pagefind afresh: after a failed load (Pagefind keeps the failure) or a deploy (new parts). */
  async function reopenIndex(): Promise<PagefindParts> {
    const old = await index?.catch(() => undefined);
    index = undefined;
    await old?.close();
    return openIndex();
  }
  const services = {
    open: openIndex,
    reopen: reopenIndex,
    toSimplified: async (text: string) => {
      const OpenCC = await import('opencc-js/t2cn');
      return OpenCC.Converter({ from: 'tw', to: 'cn' })(text);
    },
    log: (error: unknown) => console.error(error),
  };

  /** The search under way, stopped when the reader starts another. */
  let session: SearchSession | undefined;

  function search(state: SearchState): void {
    session?.cancel();
    results!.replaceChildren();
    suggestion!.replaceChildren();
    const rendering = new PageView({ status: status!, results: results!, more: more!, moreButton: moreButton!, suggestion: suggestion! }, siteBase);
    session = new SearchSession(state, services, (sessionView) => rendering.render(sessionView));
    void session.start();
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
    search(state);
  }

  const formState = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.set(name, value);
    return readSearchState(params);
  };

  /**
   * While the reader types, the first step's index chunks for the words typed so far are fetched, and the
   * lexicon's shards for its characters, so that the search Enter starts has them: on a mobile connection that
   * is a round trip less between Enter and the results. Only what that search would fetch is fetched.
   */
  let preloadTimer: ReturnType<typeof setTimeout> | undefined;
  async function preloadTyped(): Promise<void> {
    const state = formState();
    const preload = preloadFor(state.query);
    if (!preload) return;
    try {
      const parts = await openIndex();
      const firstStep = stepsForSearch(parts.manifest, state.filters, state.sort)[0];
      if (!firstStep || parts.hasFailures) return;
      await Promise.all([parts.preload(firstStep, preload.indexQuery, state.filters), parts.lexicon.wordClasses(preload.lexiconText)]);
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
    search(state);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement && input.value.trim()) form.requestSubmit();
  });
  moreButton.addEventListener('click', () => void session?.more());
  window.addEventListener('popstate', showStateFromUrl);
  // The index is opened as the page opens, not when the first search asks: a reader who came to search is
  // about to, and one who came with ?q= has asked already — then all that search reads is fetched at once.
  openIndex(firstSearchOf(readSearchState(new URLSearchParams(location.search)))).catch(() => {}); // the search reports it
  showStateFromUrl();
}

/** What a search for `state` reads first, known before the index is open (PagefindParts.open). */
function firstSearchOf(state: SearchState): FirstSearch | undefined {
  const preload = preloadFor(state.query);
  if (!preload) return undefined;
  return { parts: (manifest) => stepsForSearch(manifest, state.filters, state.sort)[0] ?? [], lexiconText: preload.lexiconText };
}

interface PageElements {
  status: HTMLElement;
  results: HTMLElement;
  more: HTMLElement;
  moreButton: HTMLButtonElement;
  suggestion: HTMLElement;
}

/** Draws one session's reports. Results are only ever appended; another search adopted clears them. */
class PageView {
  private search: PartedSearch | undefined;
  private groups: ResultsGroup[] = [];
  private dated: DatedResults | undefined;
  private suggestions = 0;

  private readonly elements: PageElements;
  private readonly siteBase: string;

  constructor(elements: PageElements, siteBase: string) {
    this.elements = elements;
    this.siteBase = siteBase;
  }

  render(view: SessionView): void {
    const { status, results, more, moreButton, suggestion } = this.elements;
    status.textContent = view.status;
    // While a step runs, the button waits and the results say they are busy (tests and screen readers wait).
    moreButton.disabled = view.busy;
    if (view.busy) results.setAttribute('aria-busy', 'true');
    else results.removeAttribute('aria-busy');
    moreButton.textContent = view.more.label || moreButton.textContent;
    more.hidden = view.more.hidden;
    if (view.dated && view.dated !== this.dated) {
      this.dated = view.dated;
      // A period nothing was published in is said in the status line alone.
      if (view.dated.count > 0) results.prepend(datedSection(view.dated, this.siteBase));
    }
    if (view.search !== this.search) {
      for (const group of this.groups) group.section.remove();
      this.groups = [];
      this.search = view.search;
    }
    if (view.search) this.renderGroups(view.search, view.visible, view.grouped);
    for (const offer of view.suggestions.slice(this.suggestions)) suggestion.append(...suggestionNodes(offer));
    this.suggestions = view.suggestions.length;
  }

  /** Shows what is new in the search's groups, up to `limit` results in all: each period's first tier, then its second. */
  private renderGroups(search: PartedSearch, limit: number, grouped: boolean): void {
    let room = limit - this.groups.reduce((sum, group) => sum + group.shown, 0);
    search.groups.forEach((group, groupIndex) => {
      const view = (this.groups[groupIndex] ??= this.addGroup(grouped));
      room -= view.exact.show(group.matches, Math.max(0, room), search.terms);
      const words = search.tierWords;
      if (words) {
        if (view.words.list.childElementCount === 0 && group.wordMatches.length) view.note.textContent = `以下报道${describeWords(words)}`;
        room -= view.words.show(group.wordMatches, Math.max(0, room), words.words);
      }
      // A step that found nothing takes no room; the status line says which periods were searched.
      view.section.hidden = view.shown === 0;
      view.words.list.parentElement!.hidden = view.words.list.childElementCount === 0;
      if (view.heading) {
        const count = group.matches.length + group.wordMatches.length;
        view.heading.textContent = `${group.label}的报道（${group.complete ? `${count} 篇` : `已找到 ${count} 篇`}）`;
      }
    });
  }

  private addGroup(grouped: boolean): ResultsGroup {
    const section = document.createElement('section');
    section.className = 'search-group';
    let heading: HTMLElement | undefined;
    if (grouped) {
      heading = document.createElement('h2');
      heading.className = 'search-group__title';
      section.append(heading);
    }
    const level = grouped ? 'h3' : 'h2';
    const exact = new ResultList(level, false);
    const words = new ResultList(level, true);
    const tier = document.createElement('div');
    tier.className = 'search-tier';
    const note = document.createElement('p');
    note.className = 'search-tier__note';
    tier.append(note, words.list);
    section.append(exact.list, tier);
    this.elements.results.append(section);
    const group: ResultsGroup = {
      section,
      heading,
      exact,
      words,
      note,
      get shown() {
        return exact.list.childElementCount + words.list.childElementCount;
      },
    };
    return group;
  }
}

interface ResultsGroup {
  section: HTMLElement;
  heading?: HTMLElement;
  exact: ResultList;
  words: ResultList;
  note: HTMLElement;
  readonly shown: number;
}

/** One tier's list in one period: appends the matches not yet shown, at most `room`; returns how many. */
class ResultList {
  readonly list = document.createElement('ol');

  private readonly headingLevel: 'h2' | 'h3';
  private readonly byWords: boolean;

  constructor(headingLevel: 'h2' | 'h3', byWords: boolean) {
    this.headingLevel = headingLevel;
    this.byWords = byWords;
    this.list.className = byWords ? 'search-results search-results--words' : 'search-results';
  }

  show(matches: readonly Match[], room: number, terms: readonly string[]): number {
    const from = this.list.childElementCount;
    const to = Math.min(matches.length, from + room);
    for (const match of matches.slice(from, to)) this.list.append(resultItem(match, terms, this.headingLevel, this.byWords));
    return to - from;
  }
}

/**
 * What was published in a date query's period: a group above the text matches, newest first, a screen of
 * them, with a link to the day's or month's archive page, which lists them all.
 */
function datedSection({ query, period, where, count, pages }: DatedResults, siteBase: string): HTMLElement {
  const section = document.createElement('section');
  section.className = 'search-group search-group--date';
  const heading = document.createElement('h2');
  heading.className = 'search-group__title';
  heading.textContent = `${period}发布的报道${where}（${count} 篇）`;
  const list = document.createElement('ol');
  list.className = 'search-results';
  for (const [order, page] of pages.entries()) list.append(resultItem({ page, order, inTitle: false }, [], 'h3', false));
  const urls = createUrls(siteBase);
  const archive = document.createElement('p');
  archive.className = 'search-group__archive';
  const link = document.createElement('a');
  link.href = query.day === undefined ? urls.archiveMonth(query.year, query.month) : urls.archiveDay(query.year, query.month, query.day);
  link.textContent = `${period}的全部报道`;
  archive.append('按日期浏览：', link);
  section.append(heading, list, archive);
  return section;
}

/** A link the session suggests, after its prompt: “仍然查找“刘滨””. */
function suggestionNodes({ prompt, label, state }: Suggestion): (string | HTMLElement)[] {
  const link = document.createElement('a');
  link.href = `${location.pathname}${writeSearchState(state)}`;
  link.textContent = label;
  return prompt ? [prompt, link] : [link];
}

function resultItem({ page }: Match, terms: readonly string[], headingLevel: 'h2' | 'h3', byWords: boolean): HTMLLIElement {
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
  excerpt.innerHTML = excerptHtml(text, terms, { words: byWords });
  item.append(heading, meta, excerpt);
  return item;
}
