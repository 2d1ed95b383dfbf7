import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/lib/archive/source.ts';
import { decodeArticleFile, formatProblem, parseArticleFile as parseWithOptions, type ArticleProblem, type ParseArticleOptions } from '../../src/lib/article/file.ts';
import { QINGWEI, ZHONGYUAN } from '../fixtures/sites.ts';

/** Articles of the test newsroom 中原新闻 (tests/fixtures/sites/zhongyuan), unless a test says which. */
const parseArticleFile = (source: string, file: string, options: Partial<ParseArticleOptions> = {}) => parseWithOptions(source, file, { columns: ZHONGYUAN.newsroom.columns, ...options });

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

  it.each([
    ['中原新闻', ZHONGYUAN],
    ['青苇新闻', QINGWEI],
  ])('accepts every article of the test newsroom %s, in its own columns', (_name, site) => {
    const files = listArticleFiles(site.articles);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const path = join(site.articles, file);
      const result = parseWithOptions(readFileSync(path, 'utf8'), relative('.', path), { columns: site.newsroom.columns });
      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    }
  });

  it("checks the column against the newsroom's own columns", () => {
    const result = parseWithOptions(valid, 'a.md', { columns: QINGWEI.newsroom.columns });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'a.md:5:9 字段 column：栏目“安全应急”不在栏目表中，可选：要闻、乡村振兴、生态环保、便民服务（栏目表在站点配置 site.yaml 的 columns）',
    ]);
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

describe('what an editor or a paste can put in a file', () => {
  const file = 'content/articles/2024/05/test.md';

  it('accepts a byte-order mark and Windows line endings', () => {
    const result = parseArticleFile(`\uFEFF${valid.replace(/\n/g, '\r\n')}`, file);
    expect(result.ok ? result.data.title : result.problems).toBe('中原区领导调研安全生产工作');
  });

  it('rejects a file that is not UTF-8 (GBK), naming the line of the first bad byte', () => {
    // 本报讯 in GBK on line 3: B1 BE B1 A8 D1 B6
    const bytes = Buffer.concat([Buffer.from('---\ntitle: 标题\n'), Buffer.from([0xb1, 0xbe, 0xb1, 0xa8, 0xd1, 0xb6])]);
    const decoded = decodeArticleFile(bytes, file);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problems).toEqual([{ file, line: 3, column: 1, field: '', message: expect.stringContaining('文件不是 UTF-8 编码') }]);
    const utf8 = decodeArticleFile(Buffer.from(`\uFEFF${valid}`), file);
    expect(utf8.ok && utf8.source.startsWith('\uFEFF---')).toBe(true);
  });

  it('refuses YAML aliases, which is how an alias bomb grows, before expanding them', () => {
    const bomb = variant(/^tags: .*$/m, `tags: &a [x, x, x, x, x, x, x, x, x]\nsummary: [*a, *a, *a, *a, *a, *a, *a, *a, *a]`);
    const problems = problemsOf(bomb);
    expect(problems[0]).toMatchObject({ line: 7, message: expect.stringContaining('不能使用 YAML 别名（*a）') });
  });

  it.each([
    ['a tag “..”', 'tags: [..]', 'tags.0', '不能以“.”开头'],
    ['a tag with a slash', 'tags: [教育/医疗]', 'tags.0', '含有“/”'],
    ['a person with a question mark', 'people: [谁?]', 'people.0', '含有“?”'],
    ['a very long tag', `tags: [${'长'.repeat(31)}]`, 'tags.0', '过长'],
  ])('rejects %s, which would become a broken URL, naming the field', (_kind, line, field, words) => {
    const [problem] = problemsOf(variant(/^tags: .*$/m, line));
    expect(problem).toMatchObject({ field, line: 6, message: expect.stringContaining(words) });
  });

  it('rejects a byline name that cannot be a page, at its line', () => {
    const [problem] = problemsOf(variant(/name: 白博文/, 'name: 白博文/白博'));
    expect(problem).toMatchObject({ field: 'byline.1.name', line: 11, message: expect.stringContaining('含有“/”') });
  });

  it('reports a photo the caller cannot find at its src line', () => {
    const source = variant(/^tags: .*$/m, 'tags: [安全生产]\nphotos:\n  - src: ./photos/a.jpg\n    alt: 现场');
    const result = parseArticleFile(source, file, { photoProblem: (src) => `找不到图片文件“${src}”` });
    expect(result.ok ? [] : result.problems).toEqual([{ file, line: 8, column: 10, field: 'photos.0.src', message: '找不到图片文件“./photos/a.jpg”' }]);
    expect(parseArticleFile(source, file, { photoProblem: () => undefined }).ok).toBe(true);
  });

  it.each([
    ['nothing', ''],
    ['white space', '  \n\n\t\n'],
    ['only a heading', '## 小标题\n'],
    ['only a comment and a rule', '<!-- 待补 -->\n\n---\n'],
    ['only the dateline npm run new starts with', '本报讯 \n'],
  ])('rejects a published article whose body is %s', (_kind, body) => {
    const source = `${valid.slice(0, valid.indexOf('本报讯'))}${body}`;
    const problems = problemsOf(source);
    expect(problems).toEqual([{ file, line: 14, column: 1, field: '', message: expect.stringContaining('正文为空') }]);
  });

  it('accepts an empty body in a draft, and a picture story: photos with captions and no text', () => {
    const head = valid.slice(0, valid.indexOf('本报讯'));
    expect(parseArticleFile(head.replace('---\n本', '---\n本').replace(/^tags:/m, 'draft: true\ntags:'), file).ok).toBe(true);
    const pictureStory = head.replace(/^tags: .*$/m, 'tags: [安全生产]\nphotos:\n  - src: ./a.jpg\n    alt: 消防员在演练\n    caption: 5月5日，消防演练现场。');
    expect(parseArticleFile(pictureStory, file).ok).toBe(true);
  });
});
