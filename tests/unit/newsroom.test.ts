import { describe, expect, it } from 'vitest';
import { footerLines, parseNewsroom, publicSecurityRecord, type NewsroomInput } from '../../src/lib/newsroom.ts';
import { site } from '../../src/site.config.ts';

const valid: NewsroomInput = {
  name: '河西新闻',
  tagline: '某市河西区新闻档案',
  description: '河西区本地新闻。',
  publisher: '河西区融媒体中心',
  url: 'https://news.hexi.example',
  address: '河西区人民路1号',
  contact: '新闻热线：0000-12345678',
  icp: '豫ICP备2024000001号-2',
  publicSecurity: '豫公网安备41010202000001号',
  themeColor: { light: '#1d4ed8', dark: '#93c5fd' },
  pageSize: 15,
  columns: [
    { slug: 'news', name: '要闻', description: '区里的大事。' },
    { slug: 'life', name: '民生', description: '街坊的日子。' },
  ],
};

describe('parseNewsroom', () => {
  it('accepts a newsroom and the example config', () => {
    expect(parseNewsroom(valid).columns.map((column) => column.slug)).toEqual(['news', 'life']);
    expect(site.columns.length).toBeGreaterThan(0);
  });

  it('names every wrong field, in Chinese, and the file', () => {
    const bad = {
      ...valid,
      name: ' ',
      url: 'news.hexi.example',
      icp: 'ICP 12345',
      themeColor: { light: 'blue', dark: '#93c5fd' },
      columns: [valid.columns[0], { ...valid.columns[1], slug: 'news', name: '要闻' }],
      colour: 'red',
    };
    let message = '';
    try {
      parseNewsroom(bad, 'tests/fixtures/other/site.config.ts');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('站点配置 tests/fixtures/other/site.config.ts 有误，构建已停止');
    expect(message).toContain('name：站名（name）不能为空');
    expect(message).toContain('url：网站地址（url）应为 http:// 或 https:// 开头的完整网址');
    expect(message).toContain('icp：ICP 备案号（icp）应照备案写');
    expect(message).toContain('themeColor.light：浅色主题色（themeColor.light）应写成 #RRGGBB');
    expect(message).toContain('columns.1.slug：栏目网址名“news”重复了');
    expect(message).toContain('columns.1.name：栏目名称“要闻”重复了');
    expect(message).toContain('未知字段 colour');
  });
});

describe('footerLines', () => {
  it('prints publisher, address, contact, both 备案 numbers with their registers, and the copyright', () => {
    expect(footerLines(parseNewsroom(valid))).toEqual([
      { text: '主办单位：河西区融媒体中心' },
      { text: '地址：河西区人民路1号' },
      { text: '新闻热线：0000-12345678' },
      { text: '豫ICP备2024000001号-2', href: 'https://beian.miit.gov.cn/' },
      { text: '豫公网安备41010202000001号', href: 'https://beian.mps.gov.cn/#/query/webSearch?code=41010202000001' },
      { text: '© 河西区融媒体中心 版权所有' },
    ]);
    expect(publicSecurityRecord('京公网安备11010502030143号')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143');
  });

  it('leaves out what a newsroom has not set', () => {
    const { address, contact, icp, publicSecurity, ...minimal } = valid;
    expect(footerLines(parseNewsroom({ ...minimal, copyright: '© 2025 河西新闻' })).map((line) => line.text)).toEqual(['主办单位：河西区融媒体中心', '© 2025 河西新闻']);
  });
});
