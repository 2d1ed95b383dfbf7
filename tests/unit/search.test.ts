import { describe, expect, it } from 'vitest';
import { compareCandidates, containsAllTerms, containsAllWords, excerptHtml, hasHanCharacters, matchRanges, wordsCloseness, wordsWindow } from '../../src/lib/search/browser/match.ts';
import { queryTerms } from '../../src/lib/search/browser/query.ts';

describe('queryTerms', () => {
  it('splits at half- and full-width spaces and drops duplicates', () => {
    expect(queryTerms(' 李晓雷　燃气  李晓雷 ')).toEqual(['李晓雷', '燃气']);
  });

  it('trims punctuation around terms and keeps it inside', () => {
    expect(queryTerms('“三化改造”')).toEqual(['三化改造']);
    expect(queryTerms('5月6日,')).toEqual(['5月6日']);
  });

  it('leaves nothing for a query of spaces and punctuation', () => {
    expect(queryTerms('  ，。！ ?? ')).toEqual([]);
  });

  it('reads full-width letters and digits as half-width, and keeps Chinese punctuation inside a term', () => {
    expect(queryTerms('５Ｇ')).toEqual(['5g']);
    expect(queryTerms('１０月１日')).toEqual(['10月1日']);
    expect(queryTerms('ＡＩ 产业')).toEqual(['ai', '产业']);
    expect(queryTerms('《３.５万元》')).toEqual(['3.5万元']);
    expect(queryTerms('安全，生产')).toEqual(['安全，生产']);
  });

  it('lower-cases Latin letters and caps the length', () => {
    expect(queryTerms('AI 产业')).toEqual(['ai', '产业']);
    expect(queryTerms('字'.repeat(300))[0]).toHaveLength(100);
  });
});

describe('containsAllTerms', () => {
  const text = '中原区召开加快工业企业“三化改造”暨推进新型工业化大会. 本报讯 为加快产业高端化';
  it('needs every term as a contiguous string', () => {
    expect(containsAllTerms(text, ['三化改造'])).toBe(true);
    expect(containsAllTerms(text, ['三化'])).toBe(true);
    expect(containsAllTerms(text, ['三化', '工业化'])).toBe(true);
    expect(containsAllTerms(text, ['三化', '燃气'])).toBe(false);
    expect(containsAllTerms(text, ['改造三化'])).toBe(false);
    expect(containsAllTerms(text, [])).toBe(false);
  });

  it('tolerates the spaces Pagefind puts between blocks of text', () => {
    expect(containsAllTerms('工业化大会. 本报讯', ['大会.本报讯'])).toBe(true);
  });

  it('matches full-width letters and digits in the text as half-width, with positions in the text as written', () => {
    expect(containsAllTerms('推进５Ｇ基站建设', queryTerms('5G'))).toBe(true);
    expect(containsAllTerms('10月1日起施行', queryTerms('１０月'))).toBe(true);
    expect(containsAllTerms('10月1日起施行', queryTerms('１１月'))).toBe(false);
    expect(matchRanges('推进５Ｇ基站', ['5g'])).toEqual([[2, 4]]);
    expect(excerptHtml('推进５Ｇ基站', ['5g'])).toBe('推进<mark>５Ｇ</mark>基站');
  });

  it('treats regular-expression characters literally', () => {
    expect(containsAllTerms('a+b', ['a+b'])).toBe(true);
    expect(containsAllTerms('aab', ['a+b'])).toBe(false);
  });
});

describe('the words of the second tier', () => {
  it('are found anywhere, each on its own; a word that starts with a digit not after another digit', () => {
    expect(containsAllWords('区委书记李晓雷到星光机械厂调研安全生产工作', ['安全生产', '调研'])).toBe(true);
    expect(containsAllWords('安全生产', ['安全生产', '调研'])).toBe(false);
    expect(containsAllWords('5月16日上午', ['5月6日'])).toBe(false);
    expect(containsAllWords('11月6日', ['1月6日'])).toBe(false);
    expect(containsAllWords('（5月6日）', ['5月6日'])).toBe(true);
    expect(containsAllWords('2100余名', ['100', '余名'])).toBe(false);
    expect(containsAllWords('推进５Ｇ基站', ['5g', '基站'])).toBe(true);
  });

  it('stand closest where the shortest stretch holds them all', () => {
    const text = '调研组到企业。会上强调安全生产。随后调研安全生产落实情况。';
    expect(text.slice(...wordsWindow(text, ['安全生产', '调研'])!)).toBe('调研安全生产');
    expect(wordsWindow(text, ['安全生产', '燃气'])).toBeUndefined();
  });

  it('are ranked side by side, in one sentence, in one paragraph, then apart', () => {
    expect(wordsCloseness('随后调研安全生产落实情况', ['安全生产', '调研'])).toBe(0);
    expect(wordsCloseness('安全生产的专题调研', ['安全生产', '调研'])).toBe(1);
    expect(wordsCloseness('抓安全生产。再调研', ['安全生产', '调研'])).toBe(2);
    expect(wordsCloseness('抓安全生产。\n再调研', ['安全生产', '调研'])).toBe(3);
    expect(wordsCloseness('抓安全生产', ['安全生产', '调研'])).toBeUndefined();
  });

  it('are each marked in an excerpt centred where they stand together', () => {
    const text = `安全${'甲'.repeat(200)}调研安全生产${'乙'.repeat(200)}调研`;
    const html = excerptHtml(text, ['安全生产', '调研'], { length: 40, words: true });
    expect(html).toMatch(/^…甲+<mark>调研<\/mark><mark>安全生产<\/mark>乙+…$/);
  });
});

describe('matchRanges and excerptHtml', () => {
  it('finds every occurrence, longest term first', () => {
    expect(matchRanges('三化改造和三化', ['三化', '三化改造'])).toEqual([
      [0, 4],
      [5, 7],
    ]);
  });

  it('marks the matches and escapes everything else', () => {
    expect(excerptHtml('<b>李晓雷</b> & 燃气', ['李晓雷'])).toBe('&#60;b&#62;<mark>李晓雷</mark>&#60;/b&#62; &#38; 燃气');
  });

  it('centres a long excerpt on the first match', () => {
    const html = excerptHtml(`${'甲'.repeat(200)}燃气安全${'乙'.repeat(200)}`, ['燃气安全'], { length: 40 });
    expect(html).toMatch(/^…甲+<mark>燃气安全<\/mark>乙+…$/);
    expect(html.replace(/<\/?mark>|…/g, '')).toHaveLength(40);
  });
});

describe('ranking', () => {
  it('ranks headline matches first by relevance, and keeps Pagefind order otherwise', () => {
    const ranked = [
      { id: 'late', order: 5, inTitle: false },
      { id: 'title', order: 9, inTitle: true },
      { id: 'early', order: 1, inTitle: false },
    ];
    expect([...ranked].sort((a, b) => compareCandidates(a, b, 'relevance')).map((r) => r.id)).toEqual(['title', 'early', 'late']);
    expect([...ranked].sort((a, b) => compareCandidates(a, b, 'date')).map((r) => r.id)).toEqual(['early', 'late', 'title']);
  });

  it('puts the newer of two equally scored matches first, by relevance only', () => {
    const ranked = [
      { id: 'better', order: 0, inTitle: false, score: 2, date: '2019-01-01' },
      { id: 'older', order: 1, inTitle: false, score: 1, date: '2020-01-01' },
      { id: 'newer', order: 2, inTitle: false, score: 1, date: '2022-01-01' },
      { id: 'unknown', order: 3, inTitle: false, score: 0.5 },
    ];
    expect([...ranked].sort((a, b) => compareCandidates(a, b, 'relevance')).map((r) => r.id)).toEqual(['better', 'newer', 'older', 'unknown']);
    expect([...ranked].sort((a, b) => compareCandidates(a, b, 'date')).map((r) => r.id)).toEqual(['better', 'older', 'newer', 'unknown']);
  });

  it('knows when a query has Chinese characters', () => {
    expect(hasHanCharacters('燃氣 safety')).toBe(true);
    expect(hasHanCharacters('2024 AI')).toBe(false);
  });
});

describe('an excerpt of words that stand far apart', () => {
  it('has a piece around each, each word marked', () => {
    const text = `开头${'甲'.repeat(100)}李晓雷强调${'乙'.repeat(300)}严管燃气安全${'丙'.repeat(100)}`;
    const html = excerptHtml(text, ['李晓雷', '燃气'], { length: 90, words: true });
    expect(html.match(/<mark>[^<]+<\/mark>/g)).toEqual(['<mark>李晓雷</mark>', '<mark>燃气</mark>']);
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThan(110);
  });
});
