/**
 * One source for the archive: a cold build opens each article file once, in all its processes together (strace
 * follows Astro and the search indexer), and parses each article's Markdown once — bodies with tables, links,
 * lists and raw HTML included, which the page, the HTML check, the index text and the 导语 all need.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/lib/archive/source.ts';
import { siteEnv, ZHONGYUAN } from '../fixtures/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'news-one-source-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MARKUP = `---
title: 带表格和链接的稿件
date: 2024-05-07
column: 时政要闻
---
本报讯 会议要求**压实责任**，详见[通知](https://www.zhengzhou.gov.cn/)。

## 工作安排

- 开通服务热线
- 入户测温

<table><tr><td>棉纺路街道</td><td>46件</td></tr></table>

| 指标 | 数值 |
|---|---|
| 产值 | 1.2亿元 |
`;

describe('the archive’s one source', () => {
  // strace is one of what npm test's preflight asks for (tests/preflight.ts).
  it('opens each article file once and parses each body once in a cold build', () => {
    const articles = join(work, 'articles');
    cpSync(ZHONGYUAN.articles, articles, { recursive: true });
    writeFileSync(join(articles, '2024/05/with-markup.md'), MARKUP);
    writeFileSync(join(articles, '2024/05/with-html.md'), MARKUP.replace('带表格和链接的稿件', '另一篇带格式的稿件').replace('2024-05-07', '2024-05-08'));
    const traceLog = join(work, 'openat.log');
    const parseLog = join(work, 'parses.log');
    const env = {
      ...process.env,
      ...siteEnv(ZHONGYUAN, articles),
      OUT_DIR: join(work, 'dist'),
      ASTRO_CACHE_DIR: join(work, 'cache'),
      MARKDOWN_PARSE_LOG: parseLog,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${resolve('tests/helpers/count-markdown-parses.ts')}`.trim(),
    };
    const build = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat', '-o', traceLog, process.execPath, 'src/cli/build.ts'], { env, encoding: 'utf8' });
    expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-3000)).toBe(0);
    expect(existsSync(join(work, 'dist', 'articles', '2024', '05', 'with-markup', 'index.html'))).toBe(true);

    const files = listArticleFiles(articles).map((file) => join(articles, file));
    expect(files).toHaveLength(5);
    const opened = readFileSync(traceLog, 'utf8')
      .split('\n')
      .filter((line) => !/= -1 E/.test(line))
      .map((line) => /openat\([^,]+, "([^"]+)"/.exec(line)?.[1])
      .filter((path): path is string => path !== undefined && path.startsWith(articles) && path.endsWith('.md'));
    for (const file of files) expect(opened.filter((path) => path === file), file).toHaveLength(1);
    expect(opened).toHaveLength(files.length);

    // Every parse in every process of the build: one per article, of that article's file.
    const parsed = readFileSync(parseLog, 'utf8').trim().split('\n').map((line) => line.split('\t')[1]);
    expect([...parsed].sort()).toEqual([...files].sort());
  }, 240_000);
});
