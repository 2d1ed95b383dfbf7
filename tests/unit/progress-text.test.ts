import { describe, expect, it } from 'vitest';
import type { TierWords } from '../../src/lib/search/browser/plan.ts';
import { describeProgress } from '../../src/lib/search/browser/progress-text.ts';
import type { SearchPartEntry } from '../../src/lib/search/parts-manifest.ts';

// The status line in words, from a search's counts (lib/search/browser/progress-text.ts). With a real search
// walking the parts: tests/unit/search-plan.test.ts.
const part = (year: number, pages: number): SearchPartEntry => ({
  name: `${year}-hash`,
  path: `parts/${year}-hash/`,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  pages,
  reporters: [],
  openingFiles: [],
});

/** A search's progress with every match in the first tier unless said otherwise. */
function withCounts<T extends { matchCount: number }>(search: T & { wordCount?: number; tierWords?: TierWords }) {
  const wordCount = search.wordCount ?? 0;
  return { tierWords: undefined, ...search, exactCount: search.matchCount - wordCount, wordCount };
}

describe('describeProgress', () => {
  const base = { query: '燃气', where: '' };
  const progress = (search: Partial<Parameters<typeof describeProgress>[0]['search']>) =>
    describeProgress({ ...base, search: withCounts({ matchCount: 0, complete: false, searchedParts: [], remainingParts: [], openedStepsChecked: true, ...search }) });

  it('says what has been searched and what remains', () => {
    expect(progress({ matchCount: 12, searchedParts: [part(2024, 1)], remainingParts: [part(2023, 1), part(2015, 1)] })).toBe(
      '已查找2024年的报道，找到 12 篇包含“燃气”的报道。2015年至2023年的报道还没有查找。',
    );
    expect(progress({ matchCount: 0, searchedParts: [part(2024, 1)], remainingParts: [part(2023, 1)] })).toBe(
      '已查找2024年的报道，没有找到包含“燃气”的报道。2023年的报道还没有查找。',
    );
    expect(progress({ matchCount: 20, openedStepsChecked: false, searchedParts: [part(2024, 1)], remainingParts: [part(2023, 1)] })).toContain('目前找到 20 篇');
  });

  it('gives the exact count once everything is searched', () => {
    expect(progress({ matchCount: 3, complete: true })).toBe('找到 3 篇包含“燃气”的报道。');
    expect(progress({ matchCount: 0, complete: true })).toMatch(/^没有找到包含“燃气”的报道。/);
    expect(progress({ matchCount: 20, openedStepsChecked: false })).toBe('已找到 20 篇包含“燃气”的报道，还有更多。');
  });
});

describe('describeProgress for a date query and a same-pinyin word', () => {
  const done = withCounts({ matchCount: 0, complete: true, searchedParts: [], remainingParts: [], openedStepsChecked: true });
  it('names the period and its count before the text matches', () => {
    const dated = { period: '2024年5月', count: 3 };
    expect(describeProgress({ query: '2024年5月', where: '', dated, search: done })).toBe('2024年5月发布的报道共 3 篇。没有找到文字包含“2024年5月”的报道。');
    expect(describeProgress({ query: '2024年5月', where: '', dated, search: withCounts({ ...done, matchCount: 2 }) })).toBe('2024年5月发布的报道共 3 篇。另找到 2 篇文字包含“2024年5月”的报道。');
    expect(describeProgress({ query: '2024年6月', where: '', dated: { period: '2024年6月', count: 0 }, search: done })).toBe(
      '2024年6月没有发布的报道。没有找到包含“2024年6月”的报道。可以换个说法，或减少搜索词、筛选条件。',
    );
  });
  it('says which word was searched instead of the one typed', () => {
    expect(describeProgress({ query: '刘斌', where: '', samePinyinFrom: '刘滨', search: withCounts({ ...done, matchCount: 1 }) })).toBe('没有找到“刘滨”，以下是“刘斌”的结果。找到 1 篇包含“刘斌”的报道。');
  });
});
