import { describe, expect, it } from 'vitest';
import { articleIdFromPath } from '../../src/lib/article/id.ts';
import { bodyTextBlocks } from '../helpers/article-body.ts';
import { indexedText, searchIndexRecord, searchRecord, segmentWords } from '../../src/lib/search/build/records.ts';

const article = {
  title: '中原区领导调研安全生产工作',
  subtitle: '增强责任意识 坚决守住安全发展底线',
  date: new Date('2024-05-05T16:00:00Z'),
  column: '安全应急',
  byline: [
    { role: '记者', name: '唐善普' },
    { role: '通讯员', name: '白博' },
  ],
} as const;

describe('searchRecord', () => {
  it('gives column, year, reporter and day filters, the headline, and a China-time date', async () => {
    const record = searchRecord(article);
    expect(record.filters).toEqual({ column: ['安全应急'], year: ['2024'], reporter: ['唐善普', '白博'], day: ['2024-05-06'] });
    expect(record.meta).toEqual({ title: '中原区领导调研安全生产工作', date: '2024-05-06', column: '安全应急' });
    expect(record.sort.date).toBe('2024-05-06');
  });
});

describe('indexedText', () => {
  it('is the headline, subtitle, body blocks (headings without #) and correction, then captions, tags and the byline', async () => {
    const body = '本报讯 5月5日上午，**李晓雷**在[中原区](https://example.org)调研。\n\n## 严抓严管\n\n一要严抓严管消防安全。';
    const full = { ...article, correction: '原文人名有误。', tags: ['安全生产', '燃气安全'], photos: [{ caption: '李晓雷在巨正大厦检查' }, {}] };
    expect(indexedText(full, await bodyTextBlocks(body))).toBe(
      [
        '中原区领导调研安全生产工作',
        '增强责任意识 坚决守住安全发展底线',
        '本报讯 5月5日上午，李晓雷在中原区调研。',
        '严抓严管',
        '一要严抓严管消防安全。',
        '原文人名有误。',
        '李晓雷在巨正大厦检查',
        '标签 安全生产 燃气安全',
        '记者 唐善普 通讯员 白博',
      ].join('\n'),
    );
    // The byline as printed, with its credits: a reporter's or photographer's name finds the article, in its role.
    expect(indexedText({ ...article, byline: [{ role: '记者', name: '唐善普' }, { role: '通讯员', name: '白博文', credit: '图' }] }, ['正文。'])).toBe('中原区领导调研安全生产工作\n增强责任意识 坚决守住安全发展底线\n正文。\n记者 唐善普 通讯员 白博文/图');
  });

  it('has the body as its page shows it, a block a line: no markup, entities decoded, table cells and list items apart', async () => {
    const body = '本报讯 新增入网面积3.2&nbsp;万平方米。\n\n<table><tr><td>棉纺路街道</td><td>46件</td></tr></table>\n\n- 开通服务热线\n- 入户测温\n\n<!-- 编辑注：待核实 -->';
    expect(indexedText(article, await bodyTextBlocks(body))).toBe(
      [
        '中原区领导调研安全生产工作',
        '增强责任意识 坚决守住安全发展底线',
        '本报讯 新增入网面积3.2\u00a0万平方米。',
        '棉纺路街道 46件',
        '开通服务热线',
        '入户测温',
        '记者 唐善普 通讯员 白博',
      ].join('\n'),
    );
  });
});

describe('segmentWords', () => {
  it('puts a zero-width space between words and keeps the text otherwise unchanged', async () => {
    const text = '绿东村街道开展垃圾分类试点，GDP增长6.3%。';
    const segmented = segmentWords(text);
    expect(segmented.replaceAll('\u200b', '')).toBe(text);
    expect(segmented.split('\u200b').length).toBeGreaterThan(4);
    expect(segmented).toContain('垃圾');
  });
});

describe('searchIndexRecord', () => {
  it('is a Pagefind custom record in the pages’ language', async () => {
    const record = searchIndexRecord(article, ['正文。'], '/articles/2024/05/safety-inspection/');
    expect(record).toMatchObject({ url: '/articles/2024/05/safety-inspection/', language: 'zh-cn' });
    expect(record.content.replaceAll('\u200b', '')).toBe('中原区领导调研安全生产工作\n增强责任意识 坚决守住安全发展底线\n正文。\n记者 唐善普 通讯员 白博');
  });
});

describe('articleIdFromPath', () => {
  it('slugs each segment as Astro’s glob loader does', async () => {
    expect(articleIdFromPath('2024/05/safety-inspection.md')).toBe('2024/05/safety-inspection');
    expect(articleIdFromPath('2024\\05\\Project Review.md')).toBe('2024/05/project-review');
    expect(articleIdFromPath('2024/index.md')).toBe('2024');
  });
});
