import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { commonHanCharacters, tonelessReadings } from '../../src/lib/search/build/pinyin-readings.ts';
import { LexiconReader } from '../../src/lib/search/browser/lexicon-reader.ts';
import { addCounts, articleLexiconWords, buildLexicon, COMPOUND_ARTICLES, countWords, keptCounts, lexiconWords, PAIRS_KEPT_WHOLE, type WordCounts } from '../../src/lib/search/build/lexicon.ts';
import { frequencyClass, SHARD_CHARACTERS, shardOf } from '../../src/lib/search/lexicon-files.ts';

const jieba = Jieba.withDict(dict);
const cutter = { cut: (text: string) => jieba.cut(text, true), cutForSearch: (text: string) => jieba.cutForSearch(text, true) };
const counted = (...articles: string[][]): Map<string, number> => {
  const counts: WordCounts = { words: new Map(), pairs: new Map() };
  for (const words of articles) countWords(counts, { words: new Set(words), pairs: new Set() });
  return counts.words;
};

/** A reader over files held in memory, recording which it loads. */
function readerOf(files: Map<string, string>, manifest: ReturnType<typeof buildLexicon>['manifest']) {
  const loaded: string[] = [];
  const reader = new LexiconReader({ ...manifest, path: 'lexicon/', version: 'test' }, async (file) => {
    loaded.push(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`no ${file}`);
    return JSON.parse(text) as unknown;
  });
  return { reader, loaded };
}

describe('the words of an article', () => {
  it('are its text cut by a dictionary of general Chinese, the names of a list of officials, quoted terms, names and tags', () => {
    const { words, pairs } = articleLexiconWords(
      { tags: ['三化改造', '5G'], people: ['邓英文'], byline: [{ role: '记者', name: '唐善普' }] },
      ['中原区领导调研安全生产工作', '区领导马素华、薛晓军、李献民等参加。', '加快工业企业“三化改造”'],
      cutter,
    );
    for (const word of ['调研', '安全', '生产', '中原', '中原区', '马素华', '薛晓军', '三化改造', '邓英文', '唐善普']) expect(words, word).toContain(word);
    // Words side by side, candidates for the archive's own compounds (a function word is no part of one).
    expect(pairs).toContain('安全生产');
    expect(pairs).toContain('领导调研');
    expect([...pairs].some((pair) => pair.includes('等'))).toBe(false);
    // Han words of two to eight characters only.
    expect(words.has('5G')).toBe(false);
    expect([...words].every((word) => [...word].length >= 2)).toBe(true);
  });
});

describe('the archive’s compounds', () => {
  it('are the pairs of words side by side that enough articles have', () => {
    const part: WordCounts = { words: new Map(), pairs: new Map() };
    for (let i = 0; i < COMPOUND_ARTICLES; i++) countWords(part, { words: new Set(['安全', '生产']), pairs: new Set(['安全生产', ...(i === 0 ? ['生产调研'] : [])]) });
    // A small part keeps every pair (one article in each of two years makes a compound); a large one, those of two articles.
    expect(keptCounts(part).pairs.has('生产调研')).toBe(true);
    for (let i = 0; i < PAIRS_KEPT_WHOLE; i++) part.pairs.set(`偶然${i}`, 1);
    const kept = keptCounts(part);
    expect(kept.pairs.has('生产调研')).toBe(false);
    const total: WordCounts = { words: new Map(), pairs: new Map() };
    addCounts(total, kept);
    expect(lexiconWords(total).get('安全生产')).toBe(COMPOUND_ARTICLES);
    expect(lexiconWords(total).get('安全')).toBe(COMPOUND_ARTICLES);
  });
});

describe('the lexicon', () => {
  it('counts articles per word in frequency classes', () => {
    expect([1, 2, 3, 4, 7, 8, 1000].map(frequencyClass)).toEqual([1, 2, 2, 3, 3, 4, 10]);
  });

  it('shards by a stable hash', () => {
    expect(shardOf('安全', 97)).toBe(shardOf('安全', 97));
    expect(shardOf('安全', 1)).toBe(0);
  });

  it('gives every word’s class, its pinyin and the readings of a query’s characters back from the few shards a query needs', async () => {
    // Enough other words for many shards.
    const others = Array.from({ length: 20_000 }, (_, i) => [`${String.fromCharCode(0x4e00 + ((i * 37) % 20000))}${String.fromCharCode(0x4e00 + ((i * 11 + 5) % 20000))}`]);
    const counts = counted(['刘斌', '经济', '运行', '安全生产', '调研'], ['刘斌', '运行'], ...others);
    const { files, manifest } = buildLexicon(counts, 2, tonelessReadings, commonHanCharacters());
    expect(manifest.words).toBeGreaterThan(20);
    expect(manifest.pinyin).toBeGreaterThan(20);
    for (const [name, text] of files) expect(text.length, name).toBeLessThan(3 * SHARD_CHARACTERS);

    const { reader, loaded } = readerOf(files, manifest);
    const classOf = await reader.wordClasses('安全生产调研');
    expect(classOf('安全生产')).toBe(1);
    expect(classOf('调研')).toBe(1);
    expect((await reader.wordClasses('刘斌'))('刘斌')).toBe(2);
    expect(classOf('生产调')).toBeUndefined();
    // One shard for each pair of adjacent characters at most (five for 安全生产调研, one for 刘斌).
    expect(loaded.length).toBeLessThanOrEqual(6);

    loaded.length = 0;
    const readings = await reader.readings('刘滨');
    expect(readings('滨')).toEqual(['bin']);
    expect(loaded.length).toBeLessThanOrEqual(2);
    const vocabulary = await reader.pinyinWords(['liu bin', 'yun xing']);
    expect(vocabulary['liu bin']).toEqual(['刘斌']);
    expect(vocabulary['yun hang'] ?? vocabulary['yun xing']).toContain('运行');
  });

  it('writes the same files for the same archive', () => {
    const first = buildLexicon(counted(['刘斌', '运行'], ['刘斌']), 2, tonelessReadings, '刘斌运行滨');
    const second = buildLexicon(counted(['刘斌'], ['运行', '刘斌']), 2, tonelessReadings, '刘斌运行滨');
    expect([...first.files]).toEqual([...second.files]);
  });

  it('has one shard of each kind for a small archive, and an empty one for an empty archive', () => {
    expect(buildLexicon(new Map(), 0, tonelessReadings, '').manifest).toMatchObject({ words: 1, pinyin: 1 });
  });
});
