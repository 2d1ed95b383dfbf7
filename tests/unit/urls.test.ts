import { describe, expect, it } from 'vitest';
import { createUrls, MAX_NAME_LENGTH, nameKey, namePathProblem } from '../../src/lib/urls.ts';

describe('createUrls', () => {
  it('builds trailing-slash URLs at the root', () => {
    const urls = createUrls('/');
    expect(urls.article('2024/05/safety-inspection')).toBe('/articles/2024/05/safety-inspection/');
    expect(urls.archiveMonth(2024, 5)).toBe('/archive/2024/05/');
    expect(urls.column('politics')).toBe('/columns/politics/');
    expect(urls.column('politics', 2)).toBe('/columns/politics/2/');
  });

  it('applies a base path once and encodes Chinese names', () => {
    const urls = createUrls('/news');
    expect(urls.home()).toBe('/news/');
    expect(urls.tag('燃气安全')).toBe('/news/tags/%E7%87%83%E6%B0%94%E5%AE%89%E5%85%A8/');
    expect(urls.search('三化 改造')).toBe('/news/search/?q=%E4%B8%89%E5%8C%96%20%E6%94%B9%E9%80%A0');
    expect(urls.asset('/favicon.svg')).toBe('/news/favicon.svg');
  });
});

describe('tag and name pages', () => {
  it('are one page for names that differ only in width, Latin case or spaces', () => {
    expect(nameKey('５Ｇ')).toBe('5g');
    expect(nameKey('5G')).toBe('5g');
    expect(nameKey('ＡＩ 产业')).toBe('ai 产业');
    expect(nameKey('  城市   更新 ')).toBe('城市 更新');
    // Chinese punctuation, the middle dot of minority names and full-width ％ are kept as written.
    expect(nameKey('中原区（郑州）')).toBe('中原区（郑州）');
    expect(nameKey('阿依古丽·买买提')).toBe('阿依古丽·买买提');
    expect(nameKey('50％')).toBe('50％');
    const urls = createUrls('/');
    expect(urls.tag('ＡＩ')).toBe(urls.tag('ai'));
    expect(urls.person('５Ｇ小组', 2)).toBe('/people/5g%E5%B0%8F%E7%BB%84/2/');
  });

  it.each([
    ['/', '教育/医疗'],
    ['\\', 'a\\b'],
    ['?', '为什么?'],
    ['#', 'C#'],
    ['%', '50%'],
    [':', '2024:回顾'],
  ])('reject %s, which cannot be part of a path on every host', (_char, name) => {
    expect(namePathProblem(name)).toMatch(/^含有/);
  });

  it('reject names Windows cannot give a directory, and suggest ％ for %', () => {
    for (const name of ['CON', 'nul', 'Com1', 'aux.新闻', '报道.']) expect(namePathProblem(name), name).toMatch(/Windows/);
    expect(namePathProblem('GDP增长5%')).toMatch(/全角“％”/);
    expect(namePathProblem('GDP增长5％')).toBeUndefined();
    expect(namePathProblem('console')).toBeUndefined();
  });

  it('reject control characters, names starting with a dot and very long names', () => {
    expect(namePathProblem('a\u0007b')).toMatch(/控制字符/);
    expect(namePathProblem('..')).toMatch(/不能以“.”开头/);
    expect(namePathProblem('.net')).toMatch(/不能以“.”开头/);
    expect(namePathProblem('长'.repeat(MAX_NAME_LENGTH + 1))).toMatch(/过长/);
  });

  it('accept what tags and names usually are', () => {
    for (const name of ['燃气安全', '5G', '互联网+政务', '文化&旅游', "it's", '中原区（郑州）', '阿依古丽·买买提', 'v2.0', '教育／医疗', '长'.repeat(MAX_NAME_LENGTH)]) {
      expect(namePathProblem(name), name).toBeUndefined();
    }
  });
});
