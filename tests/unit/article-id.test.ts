import { describe, expect, it } from 'vitest';
import { articleFileNameProblems, articleIdCollisions, articleIdFromPath, articleIdProblem, isArticleFile } from '../../src/lib/article/id.ts';

describe('article ids from file names', () => {
  it('slug each segment as Astro does', () => {
    expect(articleIdFromPath('2024/05/Safety Inspection.md')).toBe('2024/05/safety-inspection');
    expect(articleIdFromPath('2024\\05\\安全 检查.md')).toBe('2024/05/安全-检查');
  });

  it('count only visible Markdown files as articles', () => {
    expect(isArticleFile('2024/05/a.md')).toBe(true);
    expect(isArticleFile('2024/05/.a.md')).toBe(false);
    expect(isArticleFile('.trash/2024/a.md')).toBe(false);
    expect(isArticleFile('2024/05/a.md.bak')).toBe(false);
    expect(isArticleFile('2024/05/photos/a.jpg')).toBe(false);
  });

  it.each(['2024/05/。.md', '2024/05/！！.md', '2024/（）/a.md'])('reject %s, whose name gives no URL', (path) => {
    expect(articleIdProblem(path)).toMatch(/只有标点或空白，生成不了网址/);
  });

  it('find files that would share a URL, naming every one of them', () => {
    const paths = ['2024/05/a.md', '2024/05/A.md', '2024/05/安全 检查.md', '2024/05/安全-检查.md', '2024/05/b.md'];
    expect(articleIdCollisions(paths)).toEqual([
      { id: '2024/05/a', files: ['2024/05/A.md', '2024/05/a.md'] },
      { id: '2024/05/安全-检查', files: ['2024/05/安全 检查.md', '2024/05/安全-检查.md'] },
    ]);
    const problems = articleFileNameProblems(paths, (path) => `content/articles/${path}`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toEqual({
      file: 'content/articles/2024/05/A.md',
      line: 1,
      column: 1,
      field: '',
      message: expect.stringContaining('与 content/articles/2024/05/a.md 的网址相同（articles/2024/05/a/）'),
    });
  });
});
