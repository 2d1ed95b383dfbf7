import { describe, expect, it } from 'vitest';
import {
  CHECK_ALL_UP_TO,
  FIRST_CHECK_BATCH,
  MAX_CHECKS_PER_CALL,
  PartedSearch,
  PartLoadError,
  partsForFilters,
  searchSteps,
  stepsForSearch,
  type Candidate,
  type CandidatePage,
  type SearchIndex,
} from '../../src/lib/search/browser/plan.ts';
import { describeProgress, moreLabel } from '../../src/lib/search/browser/progress-text.ts';
import type { SearchPartEntry } from '../../src/lib/search/parts-manifest.ts';

const part = (year: number, pages: number, reporters: string[] = []): SearchPartEntry => ({
  name: `${year}-hash`,
  path: `parts/${year}-hash/`,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  pages,
  reporters,
  openingFiles: [],
});

/** Ten years, newest first, 1,000 articles each. */
const decade = Array.from({ length: 10 }, (_, index) => part(2024 - index, 1000));

describe('searchSteps', () => {
  it('reads the newest parts first, then steps twice as large', () => {
    const steps = searchSteps(decade, 'relevance', 2000);
    expect(steps.map((step) => step.map((p) => p.from.slice(0, 4)))).toEqual([
      ['2024', '2023'],
      ['2022', '2021', '2020', '2019'],
      ['2018', '2017', '2016', '2015'],
    ]);
  });

  it('reads everything in one step for relevance over the whole archive', () => {
    expect(searchSteps(decade, 'overall', 2000)).toEqual([decade]);
  });

  it('costs the same first step whatever the archive size', () => {
    const large = Array.from({ length: 20 }, (_, index) => part(2024 - index, 2500));
    const small = decade.slice(0, 5);
    expect(searchSteps(large, 'relevance', 5000)[0]!.reduce((sum, p) => sum + p.pages, 0)).toBe(5000);
    expect(searchSteps(small, 'relevance', 5000)[0]!.reduce((sum, p) => sum + p.pages, 0)).toBe(5000);
  });
});

describe('stepsForSearch', () => {
  it('steps over the parts the filters leave, with the manifest’s first step', () => {
    const manifest = { firstStepPages: 2000, parts: decade, lexicon: { path: 'lexicon/', version: 'v', articles: 10000, words: 1, pinyin: 1, readings: 16 } };
    expect(stepsForSearch(manifest, {}, 'relevance')).toEqual(searchSteps(decade, 'relevance', 2000));
    expect(stepsForSearch(manifest, { year: '2019' }, 'date')).toEqual([[decade[5]]]);
  });
});

describe('partsForFilters', () => {
  it('keeps the parts of a year, and the parts with a reporter', () => {
    const parts = [part(2024, 5, ['唐善普']), part(2023, 5, ['李晓雷']), { ...part(2022, 5), from: '2022-07-01' }];
    expect(partsForFilters(parts, { year: '2023' }).map((p) => p.name)).toEqual(['2023-hash']);
    expect(partsForFilters(parts, { year: '2022' }).map((p) => p.name)).toEqual(['2022-hash']);
    expect(partsForFilters(parts, { reporter: '唐善普' }).map((p) => p.name)).toEqual(['2024-hash']);
    expect(partsForFilters(parts, { column: '时政' })).toEqual(parts);
  });
});

/** An index of articles by year: each article's text says what it contains. */
class FakeIndex implements SearchIndex {
  readonly searched: string[][] = [];
  readonly loaded: string[] = [];
  failing = new Set<string>();

  constructor(private readonly articles: Record<string, { url: string; title: string; content: string; date: string }[]>) {}

  async search(parts: readonly SearchPartEntry[], query: string, { byDate }: { byDate: boolean }): Promise<Candidate[]> {
    this.searched.push(parts.map((p) => p.name));
    const failing = parts.filter((p) => this.failing.has(p.name));
    if (failing.length) throw new PartLoadError(failing);
    const pieces = [...query.replace(/\s/g, '')];
    const candidates = parts.flatMap((p) => this.articles[p.name] ?? []).filter((article) => pieces.some((piece) => article.content.includes(piece)));
    if (byDate) candidates.sort((a, b) => (a.date < b.date ? 1 : -1));
    return candidates.map((article) => ({
      id: article.url,
      data: async (): Promise<CandidatePage> => {
        this.loaded.push(article.url);
        return { url: article.url, content: article.content, meta: { title: article.title, date: article.date } };
      },
    }));
  }
}

const articles = (year: number, count: number, content: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => ({
    url: `/articles/${year}/${index}/`,
    title: `${year}年第${index}篇`,
    content: content(index),
    date: `${year}-${String((index % 12) + 1).padStart(2, '0')}-01`,
  }));

describe('PartedSearch', () => {
  const parts = [part(2024, 30), part(2023, 30), part(2022, 30), part(2021, 30)];
  const index = () =>
    new FakeIndex({
      '2024-hash': articles(2024, 30, (i) => (i % 2 ? '燃气安全检查' : '燃放烟花')),
      '2023-hash': articles(2023, 30, (i) => (i % 3 ? '燃气' : '燃气安全')),
      '2022-hash': articles(2022, 30, () => '防汛'),
      '2021-hash': articles(2021, 30, (i) => (i === 7 ? '燃气安全宣传' : '无关')),
    });

  it('shows a first screen from the first step only, then reads older steps as asked', async () => {
    const fake = index();
    const search = new PartedSearch(fake, searchSteps(parts, 'relevance', 30), ['燃气安全'], { filters: {}, sort: 'relevance' });
    await search.more(20);
    expect(fake.searched).toEqual([['2024-hash']]);
    expect(search.matchCount).toBe(15);
    expect(search.complete).toBe(false);
    expect(search.remainingParts.map((p) => p.name)).toEqual(['2023-hash', '2022-hash', '2021-hash']);
    expect(moreLabel(search)).toBe('查找更早的报道（2022年至2023年）');

    const firstScreen = search.matches.map((m) => m.page.url);
    await search.more(20);
    expect(search.matches.slice(0, firstScreen.length).map((m) => m.page.url)).toEqual(firstScreen);
    expect(search.groups.map((g) => [g.label, g.matches.length, g.complete])).toEqual([
      ['2024年', 15, true],
      ['2022年至2023年', 10, true],
    ]);
    await search.more(20);
    expect(search.complete).toBe(true);
    // The exact count: every article whose text contains the query.
    expect(search.matchCount).toBe(15 + 10 + 1);
    expect(search.matches.at(-1)!.page.url).toBe('/articles/2021/7/');
  });

  it('stops at a screen of results when there are many candidates', async () => {
    const fake = index();
    const search = new PartedSearch(fake, searchSteps(parts, 'relevance', 1000), ['燃气'], { filters: {}, sort: 'relevance' });
    await search.more(20);
    // 61 candidates, more than CHECK_ALL_UP_TO: checked ten at a time until a screen is full.
    expect(search.matchCount).toBeGreaterThanOrEqual(20);
    expect(fake.loaded.length).toBeLessThanOrEqual(40);
    expect(search.complete).toBe(false);
    expect(moreLabel(search)).toBe('显示更多结果');
  });

  it('checks a step with few candidates to its end, so the count is exact', async () => {
    const fake = index();
    const search = new PartedSearch(fake, [[parts[1]!]], ['燃气'], { filters: {}, sort: 'relevance' });
    await search.more(20);
    expect(fake.loaded.length).toBeLessThanOrEqual(CHECK_ALL_UP_TO);
    expect(search.complete).toBe(true);
    expect(search.matchCount).toBe(30);
  });

  it('sorted by date, reads one part at a time, newest first, and stops when a screen is full', async () => {
    const fake = index();
    const search = new PartedSearch(fake, searchSteps(parts, 'date', 1000), ['燃气'], { filters: {}, sort: 'date' });
    await search.more(20);
    expect(fake.searched).toEqual([['2024-hash'], ['2023-hash']]);
    const dates = search.matches.map((m) => m.page.meta.date!);
    expect([...dates].sort().reverse()).toEqual(dates);
    await search.more(1000);
    expect(fake.searched.at(-1)).toEqual(['2021-hash']);
    expect(search.complete).toBe(true);
  });

  it('keeps what it found when a part fails to load, and goes on from that part when asked again', async () => {
    const fake = index();
    fake.failing.add('2023-hash');
    const search = new PartedSearch(fake, searchSteps(parts, 'relevance', 30), ['燃气安全'], { filters: {}, sort: 'relevance' });
    await search.more(20);
    const shown = search.matches.map((m) => m.page.url);
    await expect(search.more(20)).rejects.toBeInstanceOf(PartLoadError);
    expect(search.matches.map((m) => m.page.url)).toEqual(shown);
    expect(search.complete).toBe(false);
    fake.failing.clear();
    await search.more(20);
    await search.more(20);
    expect(search.complete).toBe(true);
    expect(search.matchCount).toBe(26);
    expect(new Set(search.matches.map((m) => m.page.url)).size).toBe(26);
  });

  it('checks at most MAX_CHECKS_PER_CALL candidates per call, and opens no step when told not to', async () => {
    const fake = new FakeIndex({ '2024-hash': articles(2024, 200, () => '燃放'), '2023-hash': articles(2023, 5, () => '燃气') });
    const search = new PartedSearch(fake, [[part(2024, 200)], [part(2023, 5)]], ['燃气'], { filters: {}, sort: 'relevance' });
    await search.more(20, { maxChecks: FIRST_CHECK_BATCH });
    expect(fake.loaded.length).toBe(FIRST_CHECK_BATCH);
    await search.more(20);
    // Words found apart: none of the candidates matches, and the call stops instead of loading all 200.
    expect(fake.loaded.length).toBe(FIRST_CHECK_BATCH + MAX_CHECKS_PER_CALL);
    expect(moreLabel(search)).toBe('继续查找');
    expect(describeProgress({ query: '燃气', where: '', search })).toBe('已查找2024年的报道，暂未找到包含“燃气”的报道，可以继续查找。2023年的报道还没有查找。');
    while (!search.openedStepsChecked) await search.more(20, { mayOpenStep: false });
    expect(fake.searched).toEqual([['2024-hash']]);
    await search.more(20);
    expect(search.complete).toBe(true);
    expect(search.matchCount).toBe(5);
  });

  it('puts headline matches first within a batch', async () => {
    const fake = new FakeIndex({ '2024-hash': [
      { url: '/a/', title: '其他', content: '燃气', date: '2024-01-01' },
      { url: '/b/', title: '燃气安全', content: '燃气', date: '2024-01-02' },
    ] });
    const search = new PartedSearch(fake, [[part(2024, 2)]], ['燃气'], { filters: {}, sort: 'relevance' });
    await search.more(20);
    expect(search.matches.map((m) => m.page.url)).toEqual(['/b/', '/a/']);
  });
});

describe('PartedSearch.cancel', () => {
  it('stops loading texts once the reader has started another search', async () => {
    const fake = new FakeIndex({ '2024-hash': articles(2024, 40, () => '燃放') });
    const search = new PartedSearch(fake, [[part(2024, 40)]], ['燃气'], { filters: {}, sort: 'relevance' });
    await search.more(20, { onProgress: () => search.cancel() });
    expect(fake.loaded.length).toBe(FIRST_CHECK_BATCH);
  });
});
