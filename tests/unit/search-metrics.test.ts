import { describe, expect, it } from 'vitest';
import { recallAt5, reciprocalRank, summarize } from '../corpus/metrics.ts';

const outcome = (expected: string[], results: string[], kind = 'name') => ({ kind, query: 'q', expected, results });

describe('search-quality measures', () => {
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
