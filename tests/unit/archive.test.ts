import { describe, expect, it } from 'vitest';
import { bySizeThenName, groupByKeys, groupByName, groupByYearMonth, namesOf, neighbours, newestFirst, type ArchiveEntry } from '../../src/lib/archive/arrange.ts';
import { compareCodePoints } from '../../src/lib/order.ts';

function entry(id: string, isoDate: string, extra: Partial<ArchiveEntry['data']> = {}): ArchiveEntry {
  return { id, data: { title: id, date: new Date(isoDate), column: '时政要闻', tags: [], byline: [], people: [], ...extra } };
}

const entries = [
  entry('b', '2024-05-05T16:00:00Z'),
  entry('a', '2024-05-05T16:00:00Z'),
  entry('old', '2023-12-31T15:30:00Z'), // 2023-12-31 23:30 in China
  entry('new', '2024-05-31T17:00:00Z'), // already 2024-06-01 in China
];

describe('archive', () => {
  it('sorts newest first and breaks ties by id, so builds are repeatable', () => {
    expect(newestFirst(entries).map((e) => e.id)).toEqual(['new', 'a', 'b', 'old']);
    expect(newestFirst([...entries].reverse()).map((e) => e.id)).toEqual(['new', 'a', 'b', 'old']);
  });

  it('orders articles of the same instant by code points of their ids, whatever the default locale', () => {
    // Ids as github-slugger makes them from file names. Each pair sorts one way by code points and the other
    // way under some collation, so the old localeCompare order fails this under any common default locale:
    // zh-CN (and ja, ko) put Chinese before Latin and 安全… before 中原… (pinyin, readings); ICU's root order,
    // which en-US, de, fr, LANG=C and most others follow, puts _ before - and before digits, and ü with u;
    // sv, fi, da treat ü as y but order punctuation like root; en-US-POSIX sorts ASCII by code points but ü
    // with u.
    const inCodePointOrder = [
      '2024/06/fang-xun-yan-lian', // - (U+002D) before _ (U+005F); root order: _ first
      '2024/06/fang_xun_yan_lian',
      '2024/06/jian-cha2', // 2 (U+0032) before _; root order: _ first
      '2024/06/jian-cha_2',
      '2024/06/lv-dao-kai-tong', // v (U+0076) before ü (U+00FC); most collations sort ü with u: lü-… first
      '2024/06/lü-hua-ti-sheng',
      '2024/06/中原区开展防汛应急演练', // 中 (U+4E2D) before 安 (U+5B89); zh-CN: an before zhong
      '2024/06/安全生产月活动启动',
    ];
    const sameInstant = inCodePointOrder.map((id) => entry(id, '2024-06-12T09:30:00+08:00'));
    const shuffled = [5, 7, 0, 3, 6, 1, 4, 2].map((i) => sameInstant[i]!);
    for (const input of [sameInstant, [...sameInstant].reverse(), shuffled]) {
      expect(newestFirst([entry('2024/06/later', '2024-06-12T10:00:00+08:00'), ...input]).map((e) => e.id)).toEqual([
        '2024/06/later',
        ...inCodePointOrder,
      ]);
    }
  });

  it('compares by code points, also beyond U+FFFF', () => {
    expect(compareCodePoints('a', 'a')).toBe(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('中原', '安全')).toBeLessThan(0);
    expect(compareCodePoints('a-b', 'a_b')).toBeLessThan(0);
    // U+FF5E (～) before U+20000 (𠀀), although its UTF-16 code unit is larger than 𠀀's first one (D840).
    expect(compareCodePoints('\uFF5E', '𠀀')).toBeLessThan(0);
    expect(compareCodePoints('𠀀', '\uFF5E')).toBeGreaterThan(0);
    expect(compareCodePoints('𠀀', '𠀁')).toBeLessThan(0);
  });

  it('links each article to its newer and older neighbour', () => {
    const links = neighbours(newestFirst(entries));
    expect(links.get('new')).toEqual({ newer: undefined, older: expect.objectContaining({ id: 'a' }) });
    expect(links.get('old')?.older).toBeUndefined();
    expect(links.get('a')?.newer?.id).toBe('new');
  });

  it('groups by year and month of the China calendar', () => {
    const years = groupByYearMonth(newestFirst(entries));
    expect(years.map((year) => [year.year, year.count, year.months.map((month) => [month.month, month.entries.map((e) => e.id)])])).toEqual([
      [2024, 3, [[6, ['new']], [5, ['a', 'b']]]],
      [2023, 1, [[12, ['old']]]],
    ]);
  });

  it('groups by several keys per article, counting an article once per key', () => {
    const tagged = [entry('x', '2024-01-01', { tags: ['燃气', '安全', '燃气'] }), entry('y', '2024-01-02', { tags: ['安全'] })];
    const groups = groupByKeys(tagged, (e) => e.data.tags);
    expect([...groups].map(([tag, list]) => [tag, list.map((e) => e.id)])).toEqual([
      ['燃气', ['x']],
      ['安全', ['x', 'y']],
    ]);
    expect(bySizeThenName(groups).map((group) => group.key)).toEqual(['安全', '燃气']);
  });

  it('lists names by size, then in pinyin order, then by code points where the collation sees no difference', () => {
    const names = ['张伟', '安全', '李明', '李\u200b明']; // the collator ignores the zero-width space
    const groups = (order: string[]) => new Map(order.map((name) => [name, name === '张伟' ? [1, 2] : [1]]));
    const expected = ['张伟', '安全', '李\u200b明', '李明']; // U+200B before 明 (U+660E)
    expect(bySizeThenName(groups(names)).map((group) => group.key)).toEqual(expected);
    expect(bySizeThenName(groups([...names].reverse())).map((group) => group.key)).toEqual(expected);
  });

  it('names byline people and officials', () => {
    expect(namesOf(entry('z', '2024-01-01', { byline: [{ role: '记者', name: '唐善普' }], people: ['李晓雷'] }))).toEqual(['唐善普', '李晓雷']);
  });

  it('puts tags that differ only in width or case on one page, shown as most articles spell them', () => {
    const tagged = [
      entry('c', '2024-05-03T00:00:00Z', { tags: ['５Ｇ', 'AI'] }),
      entry('b', '2024-05-02T00:00:00Z', { tags: ['5G', 'ai', 'AI'] }),
      entry('a', '2024-05-01T00:00:00Z', { tags: ['5G', '燃气安全'] }),
    ];
    const { groups, names } = groupByName(tagged, (item) => item.data.tags);
    expect([...groups].map(([key, items]) => [key, items.map((item) => item.id)])).toEqual([
      ['5g', ['c', 'b', 'a']],
      ['ai', ['c', 'b']],
      ['燃气安全', ['a']],
    ]);
    // 5G in two articles against ５Ｇ in one; AI in two against ai in one.
    expect(Object.fromEntries(names)).toEqual({ '5g': '5G', ai: 'AI', 燃气安全: '燃气安全' });
  });
});
