import { describe, expect, it } from 'vitest';
import { formatByline, groupByline, photographers, reporterNames, type BylineEntry } from '../../src/lib/article/bylines.ts';

const printed: BylineEntry[] = [
  { role: '通讯员', name: '白博文', credit: '图' },
  { role: '记者', name: '唐善普' },
  { role: '通讯员', name: '张三' },
  { role: '编辑', name: '李四' },
];

describe('bylines', () => {
  it('groups names by role in newspaper order, keeping the order within a role', () => {
    expect(groupByline(printed).map((group) => [group.role, group.people.map((person) => person.name)])).toEqual([
      ['记者', ['唐善普']],
      ['通讯员', ['白博文', '张三']],
      ['编辑', ['李四']],
    ]);
  });

  it('prints the byline line with the /图 credit', () => {
    expect(formatByline(printed)).toBe('记者 唐善普 通讯员 白博文/图 张三 编辑 李四');
  });

  it('finds photographers and reporters', () => {
    expect(photographers(printed)).toEqual(['白博文']);
    expect(photographers([{ role: '摄影', name: '王五' }])).toEqual(['王五']);
    expect(reporterNames(printed)).toEqual(['白博文', '唐善普', '张三']);
  });
});
