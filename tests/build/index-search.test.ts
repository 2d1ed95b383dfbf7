/** The search indexer reads the article files itself: it must read them exactly as strictly as the build. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPublishedArticles } from '../../src/cli/index-search.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';

const dir = mkdtempSync(join(tmpdir(), 'news-indexer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (title: string) => `---\ntitle: ${title}\ndate: 2024-05-06\ncolumn: 时政要闻\n---\n本报讯 ${title}。\n`;

describe('the search indexer', () => {
  it('indexes visible articles and skips hidden files', () => {
    mkdirSync(join(dir, '2024/05/.backup'), { recursive: true });
    writeFileSync(join(dir, '2024/05/a.md'), article('会议召开'));
    writeFileSync(join(dir, '2024/05/.backup/a.md'), article('旧稿'));
    const articles = readPublishedArticles(dir, ZHONGYUAN.newsroom.columns, new Date('2024-06-01T00:00:00Z'));
    expect(articles.map((entry) => entry.key)).toEqual(['2024/05/a']);
  });

  it('stops at a file that is not UTF-8 instead of indexing it with replacement characters', () => {
    writeFileSync(join(dir, '2024/05/gbk.md'), Buffer.concat([Buffer.from(article('旧稿')), Buffer.from([0xb1, 0xbe, 0xb1, 0xa8])]));
    expect(() => readPublishedArticles(dir, ZHONGYUAN.newsroom.columns, new Date('2024-06-01T00:00:00Z'))).toThrow(/2024\/05\/gbk\.md:7:1 文件不是 UTF-8 编码/);
  });
});
