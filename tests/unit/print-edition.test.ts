import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/lib/dates.ts';
import { importedFrontmatter, parseBylineLine, parsePrintEdition, type PrintArticle } from '../../src/lib/article/print-edition.ts';
import { bodyParagraphs } from '../../src/lib/article/text.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';
import { readFixtureArticles } from '../helpers/articles.ts';

function articles(file: string, editionDate: string): PrintArticle[] {
  const result = parsePrintEdition(readFileSync(file, 'utf8'), editionDate);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.articles;
}

describe('importing the seed page', () => {
  const imported = articles('tests/fixtures/seed-print-page.txt', '2024-05-06');
  const seeds = readFixtureArticles(ZHONGYUAN.articles, ZHONGYUAN.newsroom.columns);

  it('reproduces the three seed articles: headline, subtitle, date, byline and body', () => {
    expect(imported).toHaveLength(3);
    for (const article of imported) {
      const seed = seeds.find((candidate) => candidate.data.title === article.title);
      expect(seed, article.title).toBeDefined();
      expect(article.subtitle).toBe(seed!.data.subtitle);
      expect(article.date).toBe(isoDay(seed!.data.date));
      expect(article.byline).toEqual(seed!.data.byline.map(({ role, name, credit }) => ({ role, name, ...(credit && { credit }) })));
      expect(article.paragraphs).toEqual(bodyParagraphs(seed!.body));
      expect(article.paragraphs[0]).toMatch(/^本报讯 /);
    }
  });

  it('says what it joined and what it assumed', () => {
    const conference = imported.find((article) => article.title.includes('三化改造'))!;
    expect(conference.datelineDay).toBe('vague');
    expect(conference.notes).toContain('第50行与第52行是印刷排版断开的同一段，已接上');
    expect(conference.notes.some((note) => note.includes('近日'))).toBe(true);
    expect(importedFrontmatter(conference, 'seed.txt')).toMatchObject({ draft: true, source: { file: 'seed.txt', note: expect.stringContaining('近日') } });
  });
});

describe('importing a page with every byline form and layout break', () => {
  const [market, inspection, canteen] = articles('tests/fixtures/print-edition-2.txt', '2025-01-03');

  it('reads a headline without subtitle and bylines inside the dateline', () => {
    expect(market!.title).toBe('西流湖公园夜市开市');
    expect(market!.subtitle).toBeUndefined();
    expect(market!.date).toBe('2025-01-02');
    expect(market!.byline).toEqual([
      { role: '记者', name: '王雅琳' },
      { role: '记者', name: '陈志航' },
      { role: '实习生', name: '孙可欣' },
      { role: '摄影', name: '赵一鸣' },
    ]);
  });

  it('joins lines broken in mid-sentence, keeps a quotation that ends a paragraph', () => {
    expect(market!.paragraphs).toEqual([
      '本报讯(记者 王雅琳 陈志航) 1月2日晚,西流湖公园夜市正式开市,首批入驻商户86家。',
      '夜市设有小吃、文创、非遗展示等区域,开市当晚接待市民游客约1.2万人次。“家门口就有这么热闹的地方,吃完饭带孩子来逛逛正合适。”市民刘女士说。',
      '区商务局负责人表示,将持续优化夜间消费环境。',
    ]);
    expect(inspection!.paragraphs[0]).toContain('共排查隐患43处');
  });

  it('dates 12月30日 on a January page in the previous year, and 近日 on the page date', () => {
    expect(inspection!.date).toBe('2024-12-30');
    expect(inspection!.subtitle).toBe('紧盯重点场所 守牢安全底线');
    expect(canteen!.date).toBe('2025-01-03');
    expect(canteen!.datelineDay).toBe('vague');
  });

  it('reads /文, /图 and /文图 credits and several names per role', () => {
    expect(inspection!.byline).toEqual([
      { role: '记者', name: '刘梦洁', credit: '文' },
      { role: '通讯员', name: '李静怡', credit: '图' },
    ]);
    expect(canteen!.byline).toEqual([
      { role: '记者', name: '唐善普' },
      { role: '记者', name: '赵一鸣' },
      { role: '通讯员', name: '周敏', credit: '文图' },
    ]);
  });
});

describe('parseBylineLine', () => {
  it('reads roles, names and credits, and refuses ordinary text', () => {
    expect(parseBylineLine('本报记者 张三')).toEqual([{ role: '记者', name: '张三' }]);
    expect(parseBylineLine('记者张三')).toEqual([{ role: '记者', name: '张三' }]);
    expect(parseBylineLine('张三/文 李四/图')).toEqual([
      { role: '记者', name: '张三', credit: '文' },
      { role: '摄影', name: '李四', credit: '图' },
    ]);
    expect(parseBylineLine('王伟 李娜')).toBeUndefined();
    expect(parseBylineLine('区委书记李晓雷强调,要抓好安全。')).toBeUndefined();
  });
});

describe('bad print-edition text', () => {
  it.each([
    ['an empty file', '', 1, '文件是空的'],
    ['text without a headline and 本报讯', '今天天气很好。\n\n明天也好。', 1, '找不到稿件'],
    ['a byline only', '记者 唐善普\n通讯员 白博', 1, '找不到稿件'],
    ['a dateline with no headline before it', '本报讯 5月6日,开会。', 1, '没有找到标题'],
    ['a headline and dateline without text', '\n标题\n\n本报讯\n', 4, '只有电头'],
  ])('rejects %s with a line', (_name, text, line, words) => {
    const result = parsePrintEdition(text, '2024-05-06');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ line });
    expect(result.problems[0]!.message).toContain(words);
  });
});
