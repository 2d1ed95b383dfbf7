/**
 * The search page: asks Pagefind for candidates, keeps those whose text really contains every term
 * (lib/search.ts explains why), and renders them with marked excerpts. The query lives in the URL (?q=),
 * so a search can be linked and the back button returns to the previous search.
 */
import { formatChineseDate, parseNewsDate } from '../lib/dates.ts';
import { containsAllTerms, excerptHtml, MAX_QUERY_LENGTH, queryTerms } from '../lib/search.ts';

/** The part of Pagefind's browser API used here (pagefind.js ships no types). */
interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  data(): Promise<PagefindData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const RESULTS_PER_STEP = 20;
const CANDIDATES_PER_BATCH = 10;

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLElement>('[data-search-more]');
  if (!form || !input || !status || !list || !more) return;
  const siteBase = form.dataset.siteBase ?? '/';

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () =>
    (pagefind ??= import(/* @vite-ignore */ `${siteBase}pagefind/pagefind.js`).then(async (module: Pagefind) => {
      await module.options({ baseUrl: siteBase });
      await module.init();
      return module;
    }));

  let currentRun = 0;
  let continueSearch: (() => Promise<void>) | undefined;

  async function search(query: string): Promise<void> {
    const run = ++currentRun;
    list!.replaceChildren();
    more!.hidden = true;
    continueSearch = undefined;
    if (query.trim() === '') {
      status!.textContent = '';
      return;
    }
    const terms = queryTerms(query);
    if (terms.length === 0) {
      status!.textContent = '请输入要查找的文字：只有空格或标点符号无法搜索。';
      return;
    }
    status!.textContent = '正在搜索…';
    let results: PagefindResult[];
    try {
      results = (await (await loadPagefind()).search(terms.join(' '))).results;
    } catch {
      status!.textContent = '搜索索引加载失败。索引由 npm run build 生成；开发模式下请先构建一次，或刷新重试。';
      pagefind = undefined;
      return;
    }
    if (run !== currentRun) return;

    let checked = 0;
    let found = 0;
    const shownQuery = query.trim().slice(0, MAX_QUERY_LENGTH);
    continueSearch = async () => {
      const target = found + RESULTS_PER_STEP;
      while (found < target && checked < results.length) {
        const batch = results.slice(checked, checked + CANDIDATES_PER_BATCH);
        checked += batch.length;
        const pages = await Promise.all(batch.map((result) => result.data()));
        if (run !== currentRun) return;
        for (const page of pages) {
          const text = `${page.meta.title ?? ''} ${page.content}`;
          if (!containsAllTerms(text, terms)) continue;
          found += 1;
          list!.append(resultItem(page, terms, query));
        }
      }
      const complete = checked >= results.length;
      more!.hidden = complete;
      status!.textContent =
        found === 0 && complete
          ? `没有找到包含“${shownQuery}”的报道。可以换个说法，或减少搜索词。`
          : complete
            ? `找到 ${found} 篇包含“${shownQuery}”的报道。`
            : `已显示 ${found} 篇包含“${shownQuery}”的报道，还有更多。`;
    };
    await continueSearch();
  }

  function showQueryFromUrl(): void {
    const query = new URLSearchParams(location.search).get('q') ?? '';
    input!.value = query;
    void search(query);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value;
    const url = new URL(location.href);
    url.searchParams.set('q', query);
    history.pushState(null, '', url);
    void search(query);
  });
  more.querySelector('button')?.addEventListener('click', () => void continueSearch?.());
  window.addEventListener('popstate', showQueryFromUrl);
  showQueryFromUrl();
}

function resultItem(page: PagefindData, terms: string[], query: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  const url = new URL(page.url, location.href);
  url.searchParams.set('q', query);
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
