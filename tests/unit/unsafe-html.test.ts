import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/lib/article-file.ts';
import { findUnsafeHtml } from '../../src/lib/unsafe-html.ts';

describe('findUnsafeHtml', () => {
  it.each([
    ['a script', '正文<script>alert(1)</script>', 3, '<script>'],
    ['an event handler', '<img src="a.jpg" onerror="alert(1)">', 1, 'onerror='],
    ['a javascript: link in HTML', '<a href="javascript:alert(1)">点这里</a>', 4, 'javascript:'],
    ['a javascript: link in Markdown', '[点这里](javascript:alert(1))', 5, 'javascript:'],
    ['an iframe', '<iframe src="https://example.org"></iframe>', 1, '嵌入外部页面'],
  ])('rejects %s with line and column', (_kind, line, column, words) => {
    const [problem, ...rest] = findUnsafeHtml(`第一段。\n\n${line}\n`, 20);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 22, column });
    expect(problem!.message).toContain(words);
  });

  it('allows harmless HTML, and code that only shows HTML', () => {
    const body = '面积<sup>2</sup>\n\n<a href="https://example.org/">链接</a>\n\n`<script>` 是脚本标签\n\n```html\n<script>alert(1)</script>\n```\n\n在线（online）报名';
    expect(findUnsafeHtml(body, 1)).toEqual([]);
  });

  it('makes the article file invalid, naming the line', () => {
    const result = parseArticleFile('---\ntitle: 标题\ndate: 2024-05-06\ncolumn: 时政要闻\n---\n正文\n\n<button onclick="steal()">领奖</button>\n', 'a.md');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toMatchObject([{ file: 'a.md', line: 8, column: 1, field: '' }]);
  });
});
