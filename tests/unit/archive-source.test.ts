/** The archive's one source: which files are articles, each read once, as strictly as the build reads them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listArticleFiles, readArchive } from '../../src/lib/archive/source.ts';
import { readRenderedArchive } from '../../src/markdown.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';

const dir = mkdtempSync(join(tmpdir(), 'news-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (title: string, date = '2024-05-06') => `---\ntitle: ${title}\ndate: ${date}\ncolumn: 时政要闻\n---\n本报讯 ${title}。\n`;
const options = { columns: ZHONGYUAN.newsroom.columns, now: new Date('2024-06-01T00:00:00Z') };

describe('the archive’s source', () => {
  it('lists visible Markdown files only, and gives each its id, URL, digest and whether it is published', () => {
    mkdirSync(join(dir, '2024/05/.backup'), { recursive: true });
    writeFileSync(join(dir, '2024/05/a.md'), article('会议召开'));
    writeFileSync(join(dir, '2024/05/later.md'), article('尚未发布', '2024-07-01'));
    writeFileSync(join(dir, '2024/05/.backup/a.md'), article('旧稿'));
    writeFileSync(join(dir, '2024/05/notes.txt'), '不是文章');
    expect(listArticleFiles(dir)).toEqual(['2024/05/a.md', '2024/05/later.md']);
    const { articles, problems } = readArchive(dir, options);
    expect(problems).toEqual([]);
    expect(articles.map(({ id, url, published }) => ({ id, url, published }))).toEqual([
      { id: '2024/05/a', url: '/articles/2024/05/a/', published: true },
      { id: '2024/05/later', url: '/articles/2024/05/later/', published: false },
    ]);
    expect(articles[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the body’s text and 导语 in the one render of the page, with problems at the file’s lines', async () => {
    writeFileSync(join(dir, '2024/05/html.md'), `${article('带表格')}\n<table><tr><td>棉纺路街道</td><td>46件</td></tr></table>\n\n<span onclick="x()">点</span>\n`);
    const { articles, problems } = await readRenderedArchive(dir, options);
    const table = articles.find((entry) => entry.id === '2024/05/a')!;
    expect(table.rendered.body.lines).toEqual(['本报讯 会议召开。']);
    expect(table.rendered.body.lead).toBe('会议召开。');
    expect(problems).toMatchObject([{ line: 10, column: 7, field: '', message: expect.stringContaining('onclick') }]);
    expect(problems[0]!.file).toMatch(/2024\/05\/html\.md$/);
  });

  it('names a file that is not UTF-8 instead of reading it with replacement characters', () => {
    writeFileSync(join(dir, '2024/05/gbk.md'), Buffer.concat([Buffer.from(article('旧稿')), Buffer.from([0xb1, 0xbe, 0xb1, 0xa8])]));
    const { problems } = readArchive(dir, options);
    expect(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.message}`)).toEqual([expect.stringMatching(/2024\/05\/gbk\.md:7:1 文件不是 UTF-8 编码/)]);
  });
});
