import { describe, expect, test } from 'vitest';
import { tonelessReadings } from '../../src/lib/search/build/pinyin-readings.ts';
import { pinyinKeys, samePinyinKeys, samePinyinQueries, samePinyinTerms, type PinyinVocabulary } from '../../src/lib/search/same-pinyin.ts';

/** The archive's words by toneless key, most used first (as lib/search/build/lexicon.ts writes its pinyin shards). */
function vocabularyOf(...uses: [string, number][]): PinyinVocabulary {
  const vocabulary: PinyinVocabulary = {};
  for (const [word] of [...uses].sort((a, b) => b[1] - a[1])) for (const key of pinyinKeys(word, tonelessReadings)) (vocabulary[key] ??= []).push(word);
  return vocabulary;
}

describe('toneless readings', () => {
  test('every reading of a polyphonic character, without tones, ü as v', () => {
    expect(tonelessReadings('行')).toEqual(expect.arrayContaining(['xing', 'hang']));
    expect(tonelessReadings('长')).toEqual(expect.arrayContaining(['chang', 'zhang']));
    expect(tonelessReadings('重')).toEqual(expect.arrayContaining(['zhong', 'chong']));
    expect(tonelessReadings('绿')).toContain('lv');
    expect(tonelessReadings('A')).toEqual([]);
    expect(tonelessReadings('，')).toEqual([]);
  });

  test('keys combine the readings of every character', () => {
    expect(pinyinKeys('刘斌', tonelessReadings)).toEqual(['liu bin']);
    expect(pinyinKeys('银行', tonelessReadings)).toEqual(expect.arrayContaining(['yin hang', 'yin xing']));
    expect(pinyinKeys('5G', tonelessReadings)).toEqual([]);
  });

  test('a look-up asks for the keys of every stretch of two characters or more', () => {
    const keys = samePinyinKeys('经济运型', tonelessReadings);
    expect(keys).toEqual(expect.arrayContaining(['jing ji', 'yun xing', 'jing ji yun xing', 'ji yun']));
    expect(keys.every((key) => key.split(' ').length >= 2)).toBe(true);
    expect(samePinyinKeys('刘', tonelessReadings)).toEqual([]);
  });
});

describe('same-pinyin terms', () => {
  const vocabulary = vocabularyOf(['刘斌', 12], ['刘彬', 1], ['经济', 30], ['运行', 8], ['招商引资', 5], ['长江', 2], ['中原区', 40]);

  test('a whole name', () => {
    expect(samePinyinTerms('刘滨', vocabulary, tonelessReadings)).toEqual(['刘斌', '刘彬']);
  });

  test('a word of the archive as typed stays, the slip is replaced', () => {
    expect(samePinyinTerms('经济运型', vocabulary, tonelessReadings)).toEqual(['经济运行']);
    expect(samePinyinTerms('招商引姿', vocabulary, tonelessReadings)).toEqual(['招商引资']);
    expect(samePinyinTerms('中原区刘滨', vocabulary, tonelessReadings)[0]).toBe('中原区刘斌');
  });

  test('a polyphonic character matches by any reading', () => {
    // 常江 (chang jiang) is 长江 by 长's reading chang (its other reading is zhang).
    expect(samePinyinTerms('常江', vocabulary, tonelessReadings)).toEqual(['长江']);
  });

  test('nothing for a word of the archive, for other pinyin, or for what has no Han characters', () => {
    expect(samePinyinTerms('刘斌', vocabulary, tonelessReadings)).toEqual(['刘彬']);
    expect(samePinyinTerms('火星移民', vocabulary, tonelessReadings)).toEqual([]);
    expect(samePinyinTerms('5G', vocabulary, tonelessReadings)).toEqual([]);
  });

  test('queries of several terms: each slip replaced, others as typed', () => {
    expect(samePinyinQueries(['刘滨', '5G'], vocabulary, tonelessReadings)).toEqual([
      ['刘斌', '5G'],
      ['刘彬', '5G'],
    ]);
    expect(samePinyinQueries(['刘滨', '经济运型'], vocabulary, tonelessReadings)[0]).toEqual(['刘斌', '经济运行']);
    expect(samePinyinQueries(['火星'], vocabulary, tonelessReadings)).toEqual([]);
  });
});
