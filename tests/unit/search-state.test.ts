import { describe, expect, it } from 'vitest';
import { readSearchState, writeSearchState } from '../../src/lib/search/browser/url-state.ts';

describe('search state in the URL', () => {
  it('reads query, filters and sort, ignoring empty values', () => {
    expect(readSearchState(new URLSearchParams('q=李晓雷&column=安全应急&year=&reporter=唐善普&sort=date'))).toEqual({
      query: '李晓雷',
      filters: { column: '安全应急', reporter: '唐善普' },
      sort: 'date',
    });
    expect(readSearchState(new URLSearchParams('sort=nonsense'))).toEqual({ query: '', filters: {}, sort: 'relevance' });
  });

  it('writes the same state back and leaves defaults out', () => {
    const state = readSearchState(new URLSearchParams('q=三化 改造&year=2024&sort=date'));
    expect(readSearchState(new URLSearchParams(writeSearchState(state)))).toEqual(state);
    expect(writeSearchState({ query: '半年红', filters: {}, sort: 'relevance' })).toBe('?q=%E5%8D%8A%E5%B9%B4%E7%BA%A2');
    expect(writeSearchState({ query: '', filters: {}, sort: 'relevance' })).toBe('');
  });
});
