import { describe, expect, it } from 'vitest';
import { listPages, type ListPage } from '../../src/lib/archive/list-pages.ts';

/** Articles 1…n, newest (n) first. */
const list = (n: number) => Array.from({ length: n }, (_, index) => n - index);
const byAddress = (pages: ListPage<number>[]) => new Map(pages.map((page) => [page.number ?? 'latest', JSON.stringify(page)]));

describe('list pages numbered from the oldest', () => {
  it('shows a short list whole on its own address, with no numbered page', () => {
    expect(listPages(list(5), 5)).toEqual([{ articles: [5, 4, 3, 2, 1], total: 5, numbered: 0 }]);
    expect(listPages([], 5)).toEqual([{ articles: [], total: 0, numbered: 0 }]);
  });

  it('numbers full pages from the oldest; the own address shows the newest and points to the page just older', () => {
    const [latest, ...numbered] = listPages(list(12), 5);
    expect(latest).toEqual({ articles: [12, 11, 10, 9, 8], total: 12, numbered: 2, older: 2 });
    expect(numbered).toEqual([
      { number: 1, articles: [5, 4, 3, 2, 1] },
      { number: 2, articles: [10, 9, 8, 7, 6], older: 1 },
    ]);
    // Exactly full: the own address is the newest numbered page, so "older" skips it.
    expect(listPages(list(10), 5)[0]).toMatchObject({ articles: [10, 9, 8, 7, 6], older: 1 });
  });

  it('a new article changes the own address and at most adds a page; every numbered page stays as it was', () => {
    for (let n = 1; n <= 40; n++) {
      const before = byAddress(listPages(list(n), 5));
      const after = byAddress(listPages(list(n + 1), 5));
      const changed = [...after].filter(([address, page]) => before.get(address) !== page).map(([address]) => address);
      expect(changed.length, `${n} → ${n + 1}: ${changed.join(', ')}`).toBeLessThanOrEqual(2);
      expect(changed).toContain('latest');
      for (const address of before.keys()) expect(after.has(address), `${n} → ${n + 1}: ${address} still answers`).toBe(true);
    }
  });

  it('a back-dated article moves the pages from its place to the newest by one', () => {
    const before = byAddress(listPages(list(30), 5));
    // An article older than all but the first 12: inserted between 12 and 13 (as 12.5).
    const withOld = [...list(30).filter((id) => id > 12), 12.5, ...list(12)];
    const after = byAddress(listPages(withOld, 5));
    const changed = [...after].filter(([address, page]) => before.get(address) !== page).map(([address]) => address);
    expect(changed).toEqual(['latest', 3, 4, 5, 6]);
  });

  it('refuses a page size that is not a positive whole number', () => {
    expect(() => listPages(list(3), 0)).toThrow(/pageSize/);
  });
});
