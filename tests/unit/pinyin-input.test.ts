import { describe, expect, it } from 'vitest';
import { commonHanCharacters, tonelessReadings } from '../../src/lib/search/build/pinyin-readings.ts';
import { isPinyinShaped, pinyinSplits, SYLLABLES } from '../../src/lib/search/browser/pinyin-input.ts';

describe('pinyin typed without an input method', () => {
  it('knows every syllable the indexer writes, less the interjections nobody types', () => {
    const written = new Set<string>();
    for (const char of commonHanCharacters()) for (const reading of tonelessReadings(char)) written.add(reading);
    for (const interjection of ['m', 'n', 'ng', 'hng']) written.delete(interjection);
    expect([...SYLLABLES].sort()).toEqual([...written].sort());
  });

  it('is Latin letters only, with spaces or apostrophes between syllables', () => {
    expect(isPinyinShaped('lixiaolei')).toBe(true);
    expect(isPinyinShaped("xi'an")).toBe(true);
    expect(isPinyinShaped('li xiao lei')).toBe(true);
    expect(isPinyinShaped('5G')).toBe(false);
    expect(isPinyinShaped('zhongyuan.gov.cn')).toBe(false);
    expect(isPinyinShaped('李晓雷')).toBe(false);
  });

  it('splits completely into syllables, every way, fewest syllables first', () => {
    expect(pinyinSplits('lixiaolei')[0]).toEqual(['li', 'xiao', 'lei']);
    expect(pinyinSplits('xian')).toEqual([['xian'], ['xi', 'an']]);
    expect(pinyinSplits("xi'an")).toEqual([['xi', 'an']]);
    expect(pinyinSplits('anquanshengchan')[0]).toEqual(['an', 'quan', 'sheng', 'chan']);
    expect(pinyinSplits('lue')[0]).toEqual(['lve']);
  });

  it('is not pinyin when some letters are no syllable', () => {
    expect(pinyinSplits('bus')).toEqual([]);
    expect(pinyinSplits('hello')).toEqual([]);
    expect(pinyinSplits('app')).toEqual([]);
  });
});
