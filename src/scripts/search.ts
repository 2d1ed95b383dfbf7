/**
 * The search page. Pagefind finds candidates; every candidate's text is checked with lib/search.ts, so a
 * result contains what the reader typed, as written. A query in traditional characters that finds nothing
 * is converted to simplified and searched again; words typed together that are found only apart are offered
 * as a suggestion. The query, filters and sort order live in the URL (?q=…&column=…&year=…&reporter=…&sort=date).
 */
import { formatChineseDate, parseNewsDate } from '../lib/dates.ts';
import { readSearchState, SEARCH_FILTERS, writeSearchState, type SearchState } from '../lib/search-state.ts';
import {
  compareCandidates,
  containsAllTerms,
  excerptHtml,
  hasHanCharacters,
  MAX_QUERY_LENGTH,
  queryTerms,
  suggestSeparatedQuery,
} from '../lib/search.ts';

/** The part of Pagefind's browser API used here (pagefind.js ships no types). */
interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  data(): Promise<PagefindData>;
}
interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[] }>;
}

/** Pagefind with every part of the index merged (lib/search-parts.ts), and the parts' names, newest first. */
interface Pagefind {
  module: PagefindModule;
  parts: string[];
}

/** A synthetic filter naming each page's part, so a search sorted by date can read the parts newest first. */
const PART_FILTER = 'part';

interface Match {
  page: PagefindData;
  order: number;
  inTitle: boolean;
}

const RESULTS_PER_STEP = 20;
/**
 * Each candidate checked costs a request for its text (about 2 KB). Up to CHECK_ALL_UP_TO candidates are all
 * checked at once, so the count shown is exact. Beyond that, candidates are checked a batch at a time and the
 * results shown as each batch arrives, until a page of results is on screen: the first results appear after
 * one batch, and a first search on a large archive reads a few dozen texts, not hundreds.
 */
const CHECK_ALL_UP_TO = 50;
const CONCURRENT_FRAGMENT_LOADS = 10;

/** Checks Pagefind's candidates against the text, a step at a time, keeping matches in rank order. */
class CandidateCheck {
  readonly matches: Match[] = [];
  /** Texts of checked candidates that did not match, for suggesting a separated query. */
  readonly misses: string[] = [];
  private checked = 0;

  constructor(
    private readonly results: PagefindResult[],
    readonly terms: string[],
    private readonly sort: SearchState['sort'],
  ) {}

  get complete(): boolean {
    return this.checked >= this.results.length;
  }

  get candidatesChecked(): number {
    return this.checked;
  }

  /**
   * Checks up to `count` more candidates, stopping early once `enough` matches are found; matches found in
   * this step are ranked among themselves.
   */
  async checkMore(count: number, enough = Infinity): Promise<void> {
    const end = Math.min(this.results.length, this.checked + count);
    const found: Match[] = [];
    while (this.checked < end && found.length < enough) {
      const start = this.checked;
      const batch = this.results.slice(start, Math.min(end, start + CONCURRENT_FRAGMENT_LOADS));
      this.checked += batch.length;
      const pages = await Promise.all(batch.map((result) => result.data()));
      pages.forEach((page, index) => {
        const title = page.meta.title ?? '';
        const text = `${title} ${page.content}`;
        if (containsAllTerms(text, this.terms)) {
          found.push({ page, order: start + index, inTitle: containsAllTerms(title, this.terms) });
        } else {
          this.misses.push(text);
        }
      });
    }
    found.sort((a, b) => compareCandidates(a, b, this.sort));
    this.matches.push(...found);
  }
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLElement>('[data-search-more]');
  const moreButton = more?.querySelector('button');
  const suggestion = document.querySelector<HTMLElement>('[data-search-suggestion]');
  if (!form || !input || !status || !list || !more || !moreButton || !suggestion) return;
  const siteBase = form.dataset.siteBase ?? '/';

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () => (pagefind ??= loadMergedIndex(siteBase));

  let currentRun = 0;
  let showMore: (() => Promise<void>) | undefined;

  async function check(terms: string[], state: SearchState): Promise<CandidateCheck> {
    const filters = Object.fromEntries(SEARCH_FILTERS.flatMap((name) => (state.filters[name] ? [[name, state.filters[name]]] : [])));
    const { module, parts } = await loadPagefind();
    const query = terms.join(' ');
    let results: PagefindResult[];
    if (state.sort === 'date') {
      // Merged results are ordered by score, and a part's date order is its own; the parts cover consecutive
      // spans of dates, so the date order of the archive is the parts' date orders, newest part first.
      const byPart = await Promise.all(
        parts.map((part) => module.search(query, { filters: { ...filters, [PART_FILTER]: part }, sort: { date: 'desc' } })),
      );
      results = byPart.flatMap((part) => part.results);
    } else {
      results = (await module.search(query, { filters })).results;
    }
    const candidates = new CandidateCheck(results, terms, state.sort);
    await candidates.checkMore(results.length <= CHECK_ALL_UP_TO ? results.length : CONCURRENT_FRAGMENT_LOADS);
    return candidates;
  }

  async function search(state: SearchState): Promise<void> {
    const run = ++currentRun;
    list!.replaceChildren();
    suggestion!.replaceChildren();
    more!.hidden = true;
    showMore = undefined;
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
    status!.textContent = '正在搜索…';
    let candidates: CandidateCheck;
    let simplifiedFrom: string | undefined;
    try {
      candidates = await check(terms, state);
      if (candidates.matches.length === 0 && hasHanCharacters(query)) {
        // Only now is the converter (about 50 KB compressed) worth loading: the query as typed found nothing
        // among the first candidates. A query the converter changes has traditional characters, and the
        // archive is written in simplified ones, so the converted query is the one to search.
        const simplified = await toSimplified(query);
        if (simplified !== query && run === currentRun) {
          terms = queryTerms(simplified);
          candidates = await check(terms, state);
          simplifiedFrom = query;
        }
      }
    } catch (error) {
      console.error(error);
      status!.textContent = '搜索索引加载失败，请刷新页面重试。索引由 npm run build 生成。';
      pagefind = undefined;
      return;
    }
    if (run !== currentRun) return;

    let shown = 0;
    const describe = () => {
      const what = `“${simplifiedFrom ? terms.join(' ') : query}”`;
      const where = describeFilters(state);
      const converted = simplifiedFrom ? `已把“${simplifiedFrom}”按简体${what}查找。` : '';
      const count = candidates.matches.length;
      if (count === 0 && candidates.complete) return `${converted}没有找到包含${what}的报道${where}。可以换个说法，或减少搜索词、筛选条件。`;
      if (candidates.complete) return `${converted}找到 ${count} 篇包含${what}的报道${where}。`;
      return `${converted}已找到 ${count} 篇包含${what}的报道${where}，还有更多。`;
    };

    /** Shows the next page of results, each batch of checked candidates as it arrives. */
    showMore = async () => {
      const target = shown + RESULTS_PER_STEP;
      const render = () => {
        // Nothing new to show yet: the status keeps saying 正在搜索… rather than 已找到 0 篇.
        if (candidates.matches.length === shown && !candidates.complete) return;
        for (const match of candidates.matches.slice(shown, target)) list!.append(resultItem(match, terms));
        shown = Math.min(target, candidates.matches.length);
        more!.hidden = shown >= candidates.matches.length && candidates.complete;
        status!.textContent = describe();
      };
      render();
      while (shown < target && !candidates.complete) {
        await candidates.checkMore(CONCURRENT_FRAGMENT_LOADS, target - candidates.matches.length);
        if (run !== currentRun) return;
        render();
      }
    };
    await showMore();
    if (candidates.matches.length === 0) offerSeparatedQuery(suggestion!, suggestSeparatedQuery(candidates.misses, terms), state);
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

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.set(name, value);
    const state = readSearchState(params);
    const url = `${location.pathname}${writeSearchState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void search(state);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement && input.value.trim()) form.requestSubmit();
  });
  moreButton.addEventListener('click', () => void showMore?.());
  window.addEventListener('popstate', showStateFromUrl);
  showStateFromUrl();
}

/**
 * Loads pagefind.js from the main index and merges the older parts listed in pagefind/parts.json. Each part
 * carries a synthetic filter with its name; a site indexed in one part has a manifest of one.
 */
async function loadMergedIndex(siteBase: string): Promise<Pagefind> {
  const indexBase = `${siteBase}pagefind/`;
  const [module, manifest] = await Promise.all([
    import(/* @vite-ignore */ `${indexBase}pagefind.js`) as Promise<PagefindModule>,
    fetch(`${indexBase}parts.json`).then((response) => {
      if (!response.ok) throw new Error(`${indexBase}parts.json: HTTP ${response.status}`);
      return response.json() as Promise<{ parts: { name: string; path: string }[] }>;
    }),
  ]);
  await module.options({ baseUrl: siteBase });
  await module.init();
  const [main, ...older] = manifest.parts;
  if (main) await module.options({ mergeFilter: { [PART_FILTER]: main.name } });
  await Promise.all(
    older.map((part) => module.mergeIndex(`${indexBase}${part.path}`, { baseUrl: siteBase, mergeFilter: { [PART_FILTER]: part.name } })),
  );
  return { module, parts: manifest.parts.map((part) => part.name) };
}

function describeFilters(state: SearchState): string {
  const parts = [
    state.filters.column && `栏目“${state.filters.column}”`,
    state.filters.year && `${state.filters.year}年`,
    state.filters.reporter && `记者${state.filters.reporter}`,
    state.sort === 'date' && '按时间排序',
  ].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

async function toSimplified(text: string): Promise<string> {
  const OpenCC = await import('opencc-js/t2cn');
  return OpenCC.Converter({ from: 'tw', to: 'cn' })(text);
}

/** “试试分开搜索：李晓雷 燃气” — a link to the same search with spaces between the words found apart. */
function offerSeparatedQuery(target: HTMLElement, terms: string[] | undefined, state: SearchState): void {
  if (!terms) return;
  const query = terms.join(' ');
  const link = document.createElement('a');
  link.href = `${location.pathname}${writeSearchState({ ...state, query })}`;
  link.textContent = query;
  target.append('这些词在报道中分开出现，试试分开搜索：', link);
}

function resultItem({ page }: Match, terms: string[]): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  const url = new URL(page.url, location.href);
  url.searchParams.set('q', terms.join(' '));
  link.href = url.pathname + url.search;
  link.textContent = page.meta.title ?? page.url;
  heading.append(link);

  const meta = document.createElement('p');
  meta.className = 'search-result__meta';
  const date = page.meta.date ? parseNewsDate(page.meta.date) : undefined;
  meta.textContent = [date?.ok ? formatChineseDate(date.date) : '', page.meta.column ?? ''].filter(Boolean).join(' · ');

  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  // excerptHtml escapes all page text; only its own <mark> elements are markup.
  excerpt.innerHTML = excerptHtml(page.content, terms);
  item.append(heading, meta, excerpt);
  return item;
}
