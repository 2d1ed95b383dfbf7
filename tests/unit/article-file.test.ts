import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseArticleFile, type ArticleProblem } from '../../src/lib/article-file.ts';

const valid = `---
title: 中原区领导调研安全生产工作
subtitle: 增强责任意识 坚决守住安全发展底线
date: 2024-05-05
column: 安全应急
tags: [安全生产]
byline:
  - role: 记者
    name: 唐善普
  - role: 通讯员
    name: 白博文
    credit: 图
---
本报讯 5月5日上午,中原区委书记李晓雷……
`;

/** The valid article with one frontmatter line replaced (or removed, when `to` is empty). */
function variant(from: RegExp, to: string): string {
  const changed = valid.replace(from, to);
  expect(changed).not.toBe(valid);
  return changed;
}

function problemsOf(source: string): ArticleProblem[] {
  const result = parseArticleFile(source, 'content/articles/2024/05/test.md');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('parseArticleFile', () => {
  it('accepts a complete article and converts the date to China time', () => {
    const result = parseArticleFile(valid, 'a.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.date.toISOString()).toBe('2024-05-04T16:00:00.000Z');
    expect(result.data.byline[1]).toEqual({ role: '通讯员', name: '白博文', credit: '图' });
    expect(result.data.draft).toBe(false);
    expect(result.body.startsWith('本报讯')).toBe(true);
    expect(result.bodyStartLine).toBe(14);
  });

  it('accepts every article in content/', () => {
    const root = 'content/articles';
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const path = join(root, file);
      const result = parseArticleFile(readFileSync(path, 'utf8'), relative('.', path));
      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    }
  });

  it.each([
    ['a missing title', variant(/^title: .*\n/m, ''), 'title', 2, '缺少主题'],
    ['an empty title', variant(/^title: .*$/m, 'title: "  "'), 'title', 2, '不能为空'],
    ['an impossible month', variant(/^date: .*$/m, 'date: 2024-13-40'), 'date', 4, '月份须在 01–12'],
    ['an impossible day', variant(/^date: .*$/m, 'date: 2023-02-29'), 'date', 4, '只有 28 天'],
    ['a date that is not a date', variant(/^date: .*$/m, 'date: 5月5日'), 'date', 4, 'YYYY-MM-DD'],
    ['an unknown column', variant(/^column: .*$/m, 'column: 体育'), 'column', 5, '栏目“体育”不在栏目表中'],
    ['an unknown key', variant(/^tags: .*$/m, 'tags: [安全生产]\nauthor: 唐善普'), 'author', 7, '未知字段“author”'],
    ['an unknown byline role', variant(/role: 通讯员/, 'role: 撰稿'), 'byline.1.role', 10, '署名身份应为'],
    ['an unknown byline credit', variant(/credit: 图/, 'credit: 视频'), 'byline.1.credit', 12, '供稿类型'],
    ['tags that are not a list', variant(/^tags: .*$/m, 'tags: 安全生产'), 'tags', 6, ''],
    ['a photo without alt text', variant(/^tags: .*$/m, 'tags: [安全生产]\nphotos:\n  - src: ./a.jpg\n    caption: 现场'), 'photos.0.alt', 8, '缺少图片说明文字'],
    ['an update before publication', variant(/^column: /m, 'updated: 2024-05-01\ncolumn: '), 'updated', 5, '早于发布日期'],
  ])('rejects %s, naming the field and its line', (_kind, source, field, line, words) => {
    const [problem, ...rest] = problemsOf(source);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'content/articles/2024/05/test.md', field, line });
    expect(problem?.message).toContain(words);
    expect(formatProblem(problem!)).toMatch(new RegExp(`^content/articles/2024/05/test\\.md:${line}:\\d+ 字段 ${field.replace(/\./g, '\\.')}：`));
  });

  it('reports every problem of a file at once, in line order', () => {
    const source = variant(/^title: .*$/m, 'title: ""').replace('date: 2024-05-05', 'date: 2024-13-40').replace('column: 安全应急', 'column: 体育');
    expect(problemsOf(source).map((problem) => [problem.field, problem.line])).toEqual([
      ['title', 2],
      ['date', 4],
      ['column', 5],
    ]);
  });

  it('rejects a file without frontmatter and broken YAML with a line', () => {
    expect(problemsOf('本报讯 没有 frontmatter 的稿件')[0]).toMatchObject({ line: 1, field: '' });
    const broken = problemsOf(variant(/^subtitle: .*$/m, 'subtitle: [未闭合'));
    expect(broken[0]?.message).toContain('不是合法的 YAML');
    expect(broken[0]?.line).toBeGreaterThanOrEqual(3);
  });
});
