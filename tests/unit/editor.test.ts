/**
 * The web editor's configuration and file format (lib/editor): the editor's fields are the schema's, and what
 * it writes is what our reader accepts, as `npm run new` would write it; an article saved unchanged keeps its
 * bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/lib/article/file.ts';
import { ARTICLE_FIELDS } from '../../src/lib/article/schema.ts';
import { parseNewsDate } from '../../src/lib/dates.ts';
import { articleFormat } from '../../src/lib/editor/article-format.ts';
import { editorConfig, NEW_FILE_SLUG_KEY } from '../../src/lib/editor/decap-config.ts';
import { readNewsroom } from '../../src/lib/newsroom/newsroom.ts';
import { QINGWEI, ZHONGYUAN } from '../fixtures/sites.ts';

const newsroom = readNewsroom(readFileSync(ZHONGYUAN.config, 'utf8'), ZHONGYUAN.config);
const config = editorConfig({ siteName: newsroom.name, siteUrl: newsroom.url, columns: newsroom.columns, articlesFolder: 'content/articles' });
const collection = (config.collections as { fields: { name: string; widget: string; options?: { value: string }[] }[] }[])[0]!;

describe('the editor’s fields', () => {
  // A field added to the schema without the editor fails this (and the type check: articleEditorFields is typed by the schema).
  it('are the schema’s fields, each once, and the body', () => {
    const names = collection.fields.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => name !== 'body').sort()).toEqual([...ARTICLE_FIELDS].sort());
    expect(names).toContain('body');
  });

  it('offer the newsroom’s own columns', () => {
    const column = collection.fields.find((field) => field.name === 'column')!;
    expect(column.options!.map((option) => option.value)).toEqual(newsroom.columns.map((c) => c.name));
    const qingwei = readNewsroom(readFileSync(QINGWEI.config, 'utf8'), QINGWEI.config);
    const other = (editorConfig({ siteName: qingwei.name, siteUrl: qingwei.url, columns: qingwei.columns, articlesFolder: 'content/articles' }).collections as typeof config.collections & { fields: { name: string; options?: { value: string }[] }[] }[])[0]!;
    expect(other.fields.find((field) => field.name === 'column')!.options!.map((o) => o.value)).toEqual(qingwei.columns.map((c) => c.name));
  });

  it('write dates in a shape our date parser reads as China time', () => {
    const date = collection.fields.find((field) => field.name === 'date') as unknown as { format: string; picker_utc: boolean };
    expect(date.format).toBe('YYYY-MM-DD HH:mm');
    expect(date.picker_utc).toBe(false);
    const parsed = parseNewsDate('2024-05-06 09:30');
    expect(parsed.ok && parsed.date.toISOString()).toBe('2024-05-06T01:30:00.000Z');
  });

  it('work on the local repository without a forge, and on the forge with the local editor beside it', () => {
    expect(config.backend).toMatchObject({ name: 'proxy', proxy_url: 'http://127.0.0.1:4322/api/v1', branch: 'main' });
    expect(config.publish_mode).toBe('editorial_workflow');
    const forge = editorConfig({ siteName: '', siteUrl: newsroom.url, columns: newsroom.columns, articlesFolder: 'content/articles', backend: { name: 'forgejo', repo: 'news/archive', branch: 'main', apiRoot: 'https://git.example.cn/api/v1', appId: 'abc' } });
    expect(forge.backend).toMatchObject({ name: 'forgejo', repo: 'news/archive', api_root: 'https://git.example.cn/api/v1', app_id: 'abc', auth_type: 'pkce' });
    expect(forge.local_backend).toEqual({ url: 'http://127.0.0.1:4322/api/v1' });
  });
});

describe('the editor’s file format', () => {
  const articles = readdirSync(ZHONGYUAN.articles, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));

  it('writes an article saved without a change back byte for byte', () => {
    expect(articles.length).toBeGreaterThan(0);
    for (const file of articles) {
      const text = readFileSync(join(ZHONGYUAN.articles, file), 'utf8');
      const format = articleFormat();
      const data = format.fromFile(text);
      // Decap hands back a copy of the data, with the helper key its pre-save step adds to new articles only.
      expect(format.toFile(structuredClone(data)), file).toBe(text);
    }
  });

  it('writes an edited article in the schema’s order, as the reader accepts it', () => {
    const text = readFileSync(join(ZHONGYUAN.articles, articles[0]!), 'utf8');
    const format = articleFormat();
    const data = format.fromFile(text);
    const written = format.toFile({ ...data, title: '改过的标题' });
    const parsed = parseArticleFile(written, 'edited.md', { columns: newsroom.columns });
    expect(parsed.ok && parsed.data.title).toBe('改过的标题');
    expect(written).not.toBe(text);
    expect(written.split('---\n').slice(2).join('---\n')).toBe(text.split(/^---\n[\s\S]*?\n---\n/)[1]);
  });

  it('writes a new article without empty fields or the editor’s own keys, with a final line break', () => {
    const format = articleFormat();
    const written = format.toFile({
      [NEW_FILE_SLUG_KEY]: 'she-qu-kou-dai-gong-yuan',
      draft: false,
      title: ' 社区口袋公园开放 ',
      subtitle: '',
      date: '2024-05-04 09:30',
      column: '城市建设',
      byline: [{ role: '记者', name: '赵一鸣', credit: '', note: undefined }],
      tags: [],
      people: null,
      photos: [{ src: './photos/park.jpg', alt: '口袋公园里散步的居民', caption: '' }],
      source: { publication: '', order: undefined },
      body: '本报讯 5月4日，口袋公园开放。\r\n\r\n第二段。\n\n\n',
    });
    expect(written).toBe(
      [
        '---',
        'title: 社区口袋公园开放',
        'date: 2024-05-04 09:30',
        'column: 城市建设',
        'byline:',
        '  - role: 记者',
        '    name: 赵一鸣',
        'photos:',
        '  - src: ./photos/park.jpg',
        '    alt: 口袋公园里散步的居民',
        '---',
        '本报讯 5月4日，口袋公园开放。',
        '',
        '第二段。',
        '',
      ].join('\n'),
    );
    const parsed = parseArticleFile(written, 'new.md', { columns: newsroom.columns });
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
  });

  it('keeps a field the schema does not know, so that the check names it instead of the editor losing it', () => {
    const format = articleFormat();
    const written = format.toFile({ title: '标题', date: '2024-05-04', column: '城市建设', author: '张三', body: '正文' });
    const parsed = parseArticleFile(written, 'odd.md', { columns: newsroom.columns });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]!.message).toContain('未知字段“author”');
  });
});

describe('the editor’s file format, editing a file', () => {
  const HAND_WRITTEN = [
    '---',
    'title: 中原区领导调研安全生产工作',
    '# 日期以见报为准',
    "date: '2024-05-05'",
    'column: 安全应急',
    'tags: [安全生产, 燃气安全]',
    'byline:',
    '- role: 记者',
    '  name: 李晓雷',
    'draft: false',
    '---',
    '本报讯 5月5日，区领导调研安全生产工作。',
    '',
  ].join('\n');

  it('changes only the lines of the fields edited, keeping the others’ style and comments', () => {
    const format = articleFormat();
    const data = format.fromFile(HAND_WRITTEN);
    format.editing(HAND_WRITTEN);
    const written = format.toFile({ ...data, title: '中原区领导调研节前安全生产工作' });
    expect(written).toBe(HAND_WRITTEN.replace('title: 中原区领导调研安全生产工作', 'title: 中原区领导调研节前安全生产工作'));
  });

  it('puts a field added where the schema orders it, removes a field emptied, and rewrites a body changed', () => {
    const format = articleFormat();
    const data = format.fromFile(HAND_WRITTEN);
    format.editing(HAND_WRITTEN);
    const written = format.toFile({ ...data, subtitle: '节前检查燃气和消防', tags: [], body: '本报讯 新的正文。' });
    expect(written).toBe(
      HAND_WRITTEN.replace('title: 中原区领导调研安全生产工作\n', 'title: 中原区领导调研安全生产工作\nsubtitle: 节前检查燃气和消防\n')
        .replace('tags: [安全生产, 燃气安全]\n', '')
        .replace('本报讯 5月5日，区领导调研安全生产工作。\n', '本报讯 新的正文。\n'),
    );
    expect(parseArticleFile(written, 'x.md', { columns: newsroom.columns }).ok).toBe(true);
  });

  it('writes an article saved without a change back byte for byte, hand-written or not', () => {
    const format = articleFormat();
    const data = format.fromFile(HAND_WRITTEN);
    format.editing(HAND_WRITTEN);
    expect(format.toFile(structuredClone(data))).toBe(HAND_WRITTEN);
  });
});
