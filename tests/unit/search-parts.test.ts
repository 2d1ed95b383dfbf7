import { describe, expect, it } from 'vitest';
import { planSearchParts, searchPartsManifest } from '../../src/lib/search-parts.ts';

const item = (date: string, key: string) => ({ date, key });

describe('planSearchParts', () => {
  it('sorts by date and key, and cuts even parts of at most maxItems, oldest first', () => {
    const items = [item('2024-01-02', 'b'), item('2023-12-31', 'a'), item('2024-01-02', 'a'), item('2024-03-01', 'c'), item('2024-02-01', 'd')];
    const parts = planSearchParts(items, 2);
    expect(parts.map((part) => part.name)).toEqual(['1_2023-12-31_2024-01-02', '2_2024-01-02_2024-02-01', '3_2024-03-01_2024-03-01']);
    expect(parts.map((part) => part.items.map((i) => `${i.date}/${i.key}`))).toEqual([
      ['2023-12-31/a', '2024-01-02/a'],
      ['2024-01-02/b', '2024-02-01/d'],
      ['2024-03-01/c'],
    ]);
  });

  it('balances the parts instead of leaving a small remainder', () => {
    const items = Array.from({ length: 10_000 }, (_, index) => item(`2020-01-${String((index % 28) + 1).padStart(2, '0')}`, String(index)));
    const parts = planSearchParts(items, 3000);
    expect(parts.map((part) => part.items.length)).toEqual([2500, 2500, 2500, 2500]);
    expect(parts[0]!.name.startsWith('1_')).toBe(true);
  });

  it('covers every item exactly once', () => {
    const items = Array.from({ length: 1234 }, (_, index) => item(`20${10 + (index % 15)}-06-01`, String(index)));
    const parts = planSearchParts(items, 100);
    expect(parts.flatMap((part) => part.items).length).toBe(1234);
    expect(new Set(parts.flatMap((part) => part.items)).size).toBe(1234);
    expect(parts.every((part) => part.items.length <= 100)).toBe(true);
  });

  it('has no parts without items, and rejects a size below one', () => {
    expect(planSearchParts([], 1000)).toEqual([]);
    expect(() => planSearchParts([item('2024-01-01', 'a')], 0)).toThrow(RangeError);
  });
});

describe('searchPartsManifest', () => {
  it('lists parts newest first; the newest is the main index, the others live under parts/', () => {
    const parts = planSearchParts([item('2023-12-01', 'a'), item('2024-01-01', 'b')], 1);
    expect(searchPartsManifest(parts)).toEqual({
      parts: [
        { name: '2_2024-01-01_2024-01-01', path: '', pages: 1 },
        { name: '1_2023-12-01_2023-12-01', path: 'parts/1_2023-12-01_2023-12-01/', pages: 1 },
      ],
    });
  });
});
