import { describe, expect, it } from 'vitest';
import { pagefindOpeningFiles, planSearchParts, searchPartsManifest } from '../../src/lib/search/build/parts-plan.ts';
import { toSearchPartsFile, parseSearchPartsManifest, partsPeriodLabel, periodLabel } from '../../src/lib/search/parts-manifest.ts';

const item = (date: string, key: string) => ({ date, key });
const days = (year: number, count: number, month = (index: number) => (index % 12) + 1) =>
  Array.from({ length: count }, (_, index) => item(`${year}-${String(month(index)).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`, `${year}-${index}`));

describe('planSearchParts', () => {
  it('makes a part per calendar year, oldest first, each sorted by date and key', () => {
    const items = [item('2024-01-02', 'b'), item('2023-12-31', 'a'), item('2024-01-02', 'a'), item('2024-03-01', 'c')];
    const parts = planSearchParts(items, 10);
    expect(parts.map((part) => [part.period, part.from, part.to])).toEqual([
      ['2023', '2023-01-01', '2023-12-31'],
      ['2024', '2024-01-01', '2024-12-31'],
    ]);
    expect(parts[1]!.items.map((i) => `${i.date}/${i.key}`)).toEqual(['2024-01-02/a', '2024-01-02/b', '2024-03-01/c']);
  });

  it('cuts a crowded year into the fewest equal spans of months that fit', () => {
    const parts = planSearchParts(days(2024, 24), 10);
    // 24 articles, 2 a month: halves would hold 12, thirds hold 8.
    expect(parts.map((part) => [part.period, part.from, part.to, part.items.length])).toEqual([
      ['2024-01_2024-04', '2024-01-01', '2024-04-30', 8],
      ['2024-05_2024-08', '2024-05-01', '2024-08-31', 8],
      ['2024-09_2024-12', '2024-09-01', '2024-12-31', 8],
    ]);
  });

  it('cuts a month that alone holds more than a part into runs', () => {
    const parts = planSearchParts(days(2024, 25, () => 2), 10);
    expect(parts.map((part) => [part.period, part.to, part.items.length])).toEqual([
      ['2024-02_2024-02.1', '2024-02-29', 9],
      ['2024-02_2024-02.2', '2024-02-29', 9],
      ['2024-02_2024-02.3', '2024-02-29', 7],
    ]);
  });

  it('changes only the part of the period that gets a new article', () => {
    const archive = [...days(2016, 8), ...days(2017, 25), ...days(2018, 8)];
    const before = planSearchParts(archive, 10);
    const backDated = planSearchParts([...archive, item('2016-05-09', 'late')], 10);
    const thisMonth = planSearchParts([...archive, item('2018-12-30', 'new')], 10);
    const changed = (after: typeof before) => after.filter((part, index) => JSON.stringify(part) !== JSON.stringify(before[index])).map((part) => part.period);
    expect(changed(backDated)).toEqual(['2016']);
    expect(changed(thisMonth)).toEqual(['2018']);
    expect(backDated.length).toBe(before.length);
  });

  it('covers every item exactly once, within the size', () => {
    const items = Array.from({ length: 1234 }, (_, index) => item(`20${10 + (index % 15)}-06-01`, String(index)));
    const parts = planSearchParts(items, 100);
    expect(parts.flatMap((part) => part.items).length).toBe(1234);
    expect(parts.every((part) => part.items.length <= 100)).toBe(true);
  });

  it('has no parts without items, and rejects a size below one', () => {
    expect(planSearchParts([], 1000)).toEqual([]);
    expect(() => planSearchParts([item('2024-01-01', 'a')], 0)).toThrow(RangeError);
  });
});

describe('searchPartsManifest', () => {
  it('lists parts newest first; the newest is the main index, the others live under parts/', () => {
    const written = [
      { name: '2023-aaaa', from: '2023-01-01', to: '2023-12-31', pages: 1, reporters: ['乙', '甲', '乙'], openingFiles: ['pagefind.zh-cn_1.pf_meta'] },
      { name: '2024-bbbb', from: '2024-01-01', to: '2024-12-31', pages: 2, reporters: [], openingFiles: ['pagefind.zh-cn_2.pf_meta', 'wasm.unknown.pagefind'] },
    ];
    const lexicon = { path: 'lexicon/', version: '0123456789', articles: 3, words: 1, pinyin: 2, readings: 16 };
    const manifest = searchPartsManifest(written, 5000, lexicon);
    expect(manifest).toEqual({
      firstStepPages: 5000,
      lexicon,
      parts: [
        { name: '2024-bbbb', path: '', from: '2024-01-01', to: '2024-12-31', pages: 2, reporters: [], openingFiles: ['pagefind.zh-cn_2.pf_meta', 'wasm.unknown.pagefind'] },
        { name: '2023-aaaa', path: 'parts/2023-aaaa/', from: '2023-01-01', to: '2023-12-31', pages: 1, reporters: ['乙', '甲'].sort(), openingFiles: ['pagefind.zh-cn_1.pf_meta'] },
      ],
    });
    expect(parseSearchPartsManifest(JSON.parse(JSON.stringify(toSearchPartsFile(manifest))))).toEqual(manifest);
  });

  it('lists the reporters once in parts.json, each with the parts it has articles in, as ranges', () => {
    const part = (year: number, reporters: string[]) => ({ name: `${year}-x`, from: `${year}-01-01`, to: `${year}-12-31`, pages: 1, reporters, openingFiles: [] });
    const lexicon = { path: 'lexicon/', version: '0123456789', articles: 3, words: 1, pinyin: 2, readings: 16 };
    // Oldest first, as written: 2020 … 2025; in the manifest newest first (index 0 = 2025).
    const manifest = searchPartsManifest([part(2020, ['甲']), part(2021, ['甲', '乙']), part(2022, ['甲']), part(2023, ['甲', '乙']), part(2024, ['甲', '乙']), part(2025, ['甲', '丙'])], 9, lexicon);
    const file = toSearchPartsFile(manifest);
    // In code-point order: 丙 U+4E19, 乙 U+4E59, 甲 U+7532.
    expect(file.reporters).toEqual([
      ['丙', '0'],
      ['乙', '1-2,4'],
      ['甲', '0-5'],
    ]);
    expect(file.parts.every((entry) => !('reporters' in entry))).toBe(true);
    expect(parseSearchPartsManifest(JSON.parse(JSON.stringify(file)))).toEqual(manifest);
    expect(() => parseSearchPartsManifest({ ...file, reporters: [['甲', '0-9']] })).toThrow(/not a search index manifest/);
    expect(() => parseSearchPartsManifest({ ...file, reporters: [['甲', 'x']] })).toThrow(/not a search index manifest/);
  });

  it('names what Pagefind opens after an entry: the metadata, and for the main index the WebAssembly', () => {
    const entry = { version: '1.6.0', languages: { 'zh-cn': { hash: 'zh-cn_fe3b789843ebb', wasm: null, page_count: 3 } } };
    expect(pagefindOpeningFiles(entry, true)).toEqual(['pagefind.zh-cn_fe3b789843ebb.pf_meta', 'wasm.unknown.pagefind']);
    expect(pagefindOpeningFiles(entry, false)).toEqual(['pagefind.zh-cn_fe3b789843ebb.pf_meta']);
    expect(pagefindOpeningFiles({ languages: { en: { hash: 'en_1', wasm: 'en' } } }, true)).toEqual(['pagefind.en_1.pf_meta', 'wasm.en.pagefind']);
    expect(pagefindOpeningFiles(undefined, true)).toEqual([]);
    expect(() => pagefindOpeningFiles({ languages: { 'zh-cn': { hash: 1 } } }, true)).toThrow(/Pagefind 1.6/);
  });

  it('refuses what is not a manifest, such as the one of an older build', () => {
    expect(() => parseSearchPartsManifest({ parts: [{ name: 'x', path: '', pages: 1 }] })).toThrow(/not a search index manifest/);
    expect(() => parseSearchPartsManifest(null)).toThrow();
    // Without the lexicon (a manifest written before it existed, with the same-pinyin files of then).
    expect(() => parseSearchPartsManifest({ firstStepPages: 1, parts: [] })).toThrow(/not a search index manifest/);
    expect(() => parseSearchPartsManifest({ firstStepPages: 1, parts: [], samePinyin: { readings: 'r.json', vocabulary: ['v.json'] } })).toThrow(/not a search index manifest/);
  });
});

describe('periodLabel', () => {
  it('names years, spans of months and spans across years', () => {
    expect(periodLabel('2024-01-01', '2024-12-31')).toBe('2024年');
    expect(periodLabel('2015-01-01', '2023-12-31')).toBe('2015年至2023年');
    expect(periodLabel('2024-01-01', '2024-06-30')).toBe('2024年1月至6月');
    expect(periodLabel('2024-05-01', '2024-05-31')).toBe('2024年5月');
    expect(periodLabel('2023-07-01', '2024-06-30')).toBe('2023年7月至2024年6月');
    expect(
      partsPeriodLabel([
        { from: '2024-07-01', to: '2024-12-31' },
        { from: '2023-01-01', to: '2023-12-31' },
      ]),
    ).toBe('2023年至2024年');
    expect(partsPeriodLabel([{ from: '2024-07-01', to: '2024-12-31' }])).toBe('2024年7月至12月');
  });
});
