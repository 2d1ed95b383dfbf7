import { describe, expect, test } from 'vitest';
import { commonHanCharacters, tonelessReadings } from '../../src/lib/pinyin-readings.ts';
import {
  buildReadingTable,
  buildVocabulary,
  pinyinKeys,
  readingsFromTable,
  samePinyinQueries,
  samePinyinTerms,
  shardsForTerms,
  shardVocabulary,
  SHARD_BYTES,
  vocabularyShard,
  vocabularyWords,
} from '../../src/lib/same-pinyin.ts';

const uses = (...words: [string, number][]) => new Map(words);

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

  test('the reading table gives the same readings back, for characters the archive does not have', () => {
    const table = buildReadingTable(['滨', '斌', '行'], tonelessReadings);
    expect(table.bin).toBe('滨斌');
    const readings = readingsFromTable(table);
    expect(readings('滨')).toEqual(['bin']);
    expect([...readings('行')].sort()).toEqual([...tonelessReadings('行')].sort());
    expect(readings('中')).toEqual([]);
  });

  test('the full table covers the common characters', () => {
    const table = buildReadingTable(commonHanCharacters(), tonelessReadings);
    const readings = readingsFromTable(table);
    for (const char of '刘滨斌经济运型招商引资姿') expect(readings(char).length, char).toBeGreaterThan(0);
    expect(Object.keys(table).length).toBeGreaterThan(400);
  });
});

describe('vocabulary', () => {
  test('names of every role, people, tags and headline words; Han words of two to eight characters', () => {
    const words = vocabularyWords({
      title: '中原区召开经济运行分析会',
      tags: ['招商引资', '5G'],
      people: ['刘斌'],
      byline: [
        { role: '记者', name: '唐善普' },
        { role: '通讯员', name: '白博文', credit: '图' },
      ],
    });
    expect(words).toEqual(new Set(['唐善普', '白博文', '刘斌', '招商引资', '中原', '召开', '经济', '运行', '分析']))
    // Single characters (区, 会) are not words to suggest.
    expect(words.has('区')).toBe(false);
  });

  test('words by toneless key, most used first', () => {
    const vocabulary = buildVocabulary(uses(['刘彬', 1], ['刘斌', 12], ['运行', 3]), tonelessReadings);
    expect(vocabulary['liu bin']).toEqual(['刘斌', '刘彬']);
    expect(vocabulary['yun xing']).toEqual(['运行']);
    expect(vocabulary['yun hang']).toEqual(['运行']);
  });
});

describe('same-pinyin terms', () => {
  const vocabulary = buildVocabulary(uses(['刘斌', 12], ['刘彬', 1], ['经济', 30], ['运行', 8], ['招商引资', 5], ['长江', 2], ['中原区', 40]), tonelessReadings);

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

describe('vocabulary shards', () => {
  test('each key is in the shard of its first syllable, and a query needs the shards of its readings', () => {
    const uses = new Map<string, number>();
    for (let i = 0; i < 10000; i++) uses.set(`${'刘王张李陈杨赵黄周吴'[i % 10]}${String.fromCharCode(0x4e00 + 37 * i)}${String.fromCharCode(0x4e00 + 11 * i + 5)}`, 1);
    uses.set('刘斌', 5);
    const vocabulary = buildVocabulary(uses, tonelessReadings);
    const shards = shardVocabulary(vocabulary);
    expect(shards.length).toBeGreaterThan(2);
    expect(Object.assign({}, ...shards)).toEqual(vocabulary);
    for (const shard of shards) expect(new TextEncoder().encode(JSON.stringify(shard)).length).toBeLessThan(3 * SHARD_BYTES);
    const needed = shardsForTerms(['刘滨'], tonelessReadings, shards.length);
    expect(needed.length).toBeLessThanOrEqual(2);
    const loaded = Object.assign({}, ...needed.map((index) => shards[index]));
    expect(samePinyinTerms('刘滨', loaded, tonelessReadings)).toEqual(['刘斌']);
    expect(needed).toContain(vocabularyShard('liu bin', shards.length));
  });

  test('a small archive has one shard', () => {
    expect(shardVocabulary(buildVocabulary(new Map([['刘斌', 1]]), tonelessReadings))).toHaveLength(1);
  });
});
