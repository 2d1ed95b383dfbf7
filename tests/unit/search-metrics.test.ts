import { describe, expect, it } from 'vitest';
import { bestFirstInItsPeriod, brokenOrders, recallAt5, reciprocalRank, summarize, summarizeBest, type QueryOutcome } from '../corpus/metrics.ts';

const outcome = (expected: string[], results: string[], kind = 'name'): QueryOutcome => ({ kind, query: 'q', expected, results, groups: [results], presses: 0, status: '' });

describe('search-quality measures', () => {
  it('names the ranking pairs shown out of order or not shown', () => {
    const ranked = { ...outcome(['a', 'b', 'c'], ['b', 'a', 'c']), before: [['a', 'c'], ['a', 'b'], ['a', 'd']] as [string, string][] };
    expect(brokenOrders(ranked)).toEqual([['a', 'b'], ['a', 'd']]);
  });

  it('counts expected articles among the first five results', () => {
    expect(recallAt5(outcome(['a', 'b'], ['x', 'a', 'y', 'z', 'w', 'b']))).toBe(0.5);
    expect(recallAt5(outcome(['a'], ['a']))).toBe(1);
    expect(recallAt5(outcome(['a'], []))).toBe(0);
  });

  it('scores the rank of the first expected article', () => {
    expect(reciprocalRank(outcome(['a', 'b'], ['x', 'y', 'b', 'a']))).toBeCloseTo(1 / 3);
    expect(reciprocalRank(outcome(['a'], ['x']))).toBe(0);
  });

  it('scores a must-find-nothing query 1 only when nothing came back', () => {
    expect(recallAt5(outcome([], []))).toBe(1);
    expect(reciprocalRank(outcome([], ['x']))).toBe(0);
  });

  it('averages per kind and overall', () => {
    const { kinds, overall } = summarize([outcome(['a'], ['a'], 'name'), outcome(['a'], ['x', 'a'], 'name'), outcome([], [], 'nothing')]);
    expect(kinds).toEqual([
      { kind: 'name', queries: 2, recallAt5: 1, mrr: 0.75 },
      { kind: 'nothing', queries: 1, recallAt5: 1, mrr: 1 },
    ]);
    expect(overall.mrr).toBeCloseTo(2.5 / 3);
  });
});

describe('the best article of a query', () => {
  it('counts when it is first in its period group, not only first overall', () => {
    const grouped = (groups: string[][], presses = 0): QueryOutcome => ({ ...outcome(['old', 'new'], groups.flat()), best: 'old', groups, presses });
    expect(bestFirstInItsPeriod(grouped([['new'], ['old', 'other']], 1))).toBe(true);
    expect(bestFirstInItsPeriod(grouped([['new', 'old']]))).toBe(false);
    expect(bestFirstInItsPeriod(grouped([['new']]))).toBe(false);
    expect(bestFirstInItsPeriod(outcome(['a'], ['a']))).toBeUndefined();
    expect(summarizeBest([grouped([['new'], ['old']], 2), grouped([['new', 'old']], 0), outcome(['a'], ['a'])])).toEqual({
      queries: 2,
      firstInPeriod: 1,
      meanPresses: 1,
    });
  });
});
