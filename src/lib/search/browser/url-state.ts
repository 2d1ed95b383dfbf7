/**
 * The state of the search page, kept in its URL (?q=…&column=…&year=…&reporter=…&sort=date) so that a
 * search can be linked, bookmarked, and stepped through with the back button.
 */

export const SEARCH_FILTERS = ['column', 'year', 'reporter'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
/**
 * relevance: newest periods first, by relevance within each (lib/search/browser/plan.ts); date: newest first;
 * overall: by relevance over the whole archive, which reads every part of the index.
 */
export const SEARCH_SORTS = ['relevance', 'date', 'overall'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilter, string>>;
  sort: SearchSort;
  /**
   * Search only the query as typed: no 繁→简 conversion, no same-pinyin or pinyin word in its place, no second
   * tier of its words apart (the link back from a suggestion, ?typed=1).
   */
  asTyped?: boolean;
}

export function readSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of SEARCH_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const sort = SEARCH_SORTS.find((name) => name === params.get('sort')) ?? 'relevance';
  return { query: params.get('q') ?? '', filters, sort, ...(params.get('typed') === '1' ? { asTyped: true } : {}) };
}

/** Query string for a state; defaults are left out, so the plain `?q=…` link stays short. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of SEARCH_FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.asTyped) params.set('typed', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}
