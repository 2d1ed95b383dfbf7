import { describe, expect, it } from 'vitest';
import { hasSecondTier, normalizeDates, queryTerms, readDateQuery, readWords, type WordClassOf } from '../../src/lib/search/browser/query.ts';

/** An archive's lexicon as frequency classes (lib/search/build/lexicon.ts), for 10,000 articles. */
const classes: Record<string, number> = {
  安全: 12, 生产: 12, 安全生产: 9, 调研: 10, 邓英文: 6, 讲话: 10, 三化: 4, 改造: 11, 三化改造: 4, 中原区: 14, 营商: 8, 环境: 11, 营商环境: 7,
  大会: 10, 李晓雷: 8, 企业: 12, 目的: 9, 了解: 10, 情况: 12, 时候: 11, 上午: 12, 沙岗: 3, 公园: 9, 经费: 8, 投入: 10, 演练: 7,
};
const classOf: WordClassOf = (word) => classes[word];
const words = (query: string) => readWords(query, classOf, 10_000).words;

describe('queryTerms: what an article must contain as written', () => {
  it('splits at spaces, and keeps a quoted phrase whole', () => {
    expect(queryTerms('中原区 营商环境')).toEqual(['中原区', '营商环境']);
    expect(queryTerms('“安全 生产”调研')).toEqual(['安全 生产', '调研']);
    expect(queryTerms('中原区“三化改造”')).toEqual(['中原区', '三化改造']);
    expect(queryTerms('「三化改造」 《汤姆·索亚历险记》')).toEqual(['三化改造', '汤姆·索亚历险记']);
  });

  it('treats an unclosed quote as punctuation', () => {
    expect(queryTerms('“三化改造')).toEqual(['三化改造']);
  });
});

describe('dates as people write them', () => {
  it('become the date as news writes it', () => {
    expect(normalizeDates('五月五日')).toBe('5月5日');
    expect(normalizeDates('5月6号上午')).toBe('5月6日上午');
    expect(normalizeDates('十二月三十一日')).toBe('12月31日');
    expect(normalizeDates('二〇二四年五月六日')).toBe('2024年5月6日');
    expect(normalizeDates('2024年5月6号')).toBe('2024年5月6日');
  });

  it('leave what is not a date alone', () => {
    expect(normalizeDates('十五条硬措施')).toBe('十五条硬措施');
    expect(normalizeDates('5月32日')).toBe('5月32日');
    expect(normalizeDates('十三月一日')).toBe('十三月一日');
  });

  it('with a year, are a date query however written', () => {
    expect(readDateQuery('二〇二四年五月六日')).toEqual({ year: 2024, month: 5, day: 6 });
    expect(readDateQuery('2024年5月6号')).toEqual({ year: 2024, month: 5, day: 6 });
    expect(readDateQuery('二〇二四年五月')).toEqual({ year: 2024, month: 5 });
    expect(readDateQuery('2024-05-06')).toEqual({ year: 2024, month: 5, day: 6 });
    expect(readDateQuery('五月六日')).toBeUndefined();
  });
});

describe('readWords: the words of a query, anywhere', () => {
  it('cuts words typed together where the archive’s words say', () => {
    expect(words('安全生产调研')).toEqual(['安全生产', '调研']);
    expect(words('邓英文讲话三化改造')).toEqual(['邓英文', '讲话', '三化改造']);
  });

  it('keeps a word the archive knows whole rather than its commoner parts', () => {
    expect(words('中原区营商环境')).toEqual(['中原区', '营商环境']);
  });

  it('drops function and question words where they stand as whole words', () => {
    expect(words('中原区的营商环境')).toEqual(['中原区', '营商环境']);
    expect(words('三化改造大会什么时候开的')).toEqual(['三化改造', '大会']);
    expect(words('李晓雷去了哪些企业')).toEqual(['李晓雷', '企业']);
  });

  it('keeps the 的 of 目的 and the 了 of 了解', () => {
    expect(words('目的')).toEqual(['目的']);
    expect(words('了解情况')).toEqual(['了解', '情况']);
  });

  it('reads a date as one unit', () => {
    expect(readWords('五月七日', classOf, 10_000).pieces).toEqual([{ text: '5月7日', kind: 'date' }]);
    expect(words('5月6号上午')).toEqual(['5月6日', '上午']);
  });

  it('never cuts a quoted phrase', () => {
    expect(readWords('“安全生产调研”', classOf, 10_000).pieces).toEqual([{ text: '安全生产调研', kind: 'phrase' }]);
    expect(words('“三化改造”大会')).toEqual(['三化改造', '大会']);
  });

  it('keeps characters the archive does not know together, and a stray one with the word beside it', () => {
    expect(readWords('马素化', classOf, 10_000)).toMatchObject({ words: ['马素化'], unknown: ['马素化'] });
    expect(words('碧沙岗公园')).toEqual(['碧沙岗', '公园']);
    expect(readWords('碧沙岗公园', classOf, 10_000).unknown).toEqual(['碧沙岗']);
    // A suffix the lexicon does not know after a word it does: the word alone is what an article must have.
    expect(readWords('公园站', classOf, 10_000).pieces).toEqual([
      { text: '公园', kind: 'word' },
      { text: '站', kind: 'suffix' },
    ]);
    expect(words('沙岗公园站')).toEqual(['沙岗', '公园']);
    expect(words('R&D经费投入')).toEqual(['r&d', '经费', '投入']);
  });

  it('keeps a number with its measure word, and with the thing it counts', () => {
    expect(words('2023年')).toEqual(['2023年']);
    expect(words('2023年演练')).toEqual(['2023年', '演练']);
    expect(words('12个公园')).toEqual(['12个公园']);
    expect(words('100余名')).toEqual(['100余名']);
  });

  it('has a second tier only when the words ask for more than the terms as typed', () => {
    expect(hasSecondTier(queryTerms('安全生产调研'), words('安全生产调研'))).toBe(true);
    expect(hasSecondTier(queryTerms('安全生产'), words('安全生产'))).toBe(false);
    expect(hasSecondTier(queryTerms('李晓雷 企业'), words('李晓雷 企业'))).toBe(false);
    expect(hasSecondTier(queryTerms('“安全生产调研”'), words('“安全生产调研”'))).toBe(false);
    expect(hasSecondTier(queryTerms('的'), words('的'))).toBe(false);
  });
});
