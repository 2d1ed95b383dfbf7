import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnByName, footerLines, parseNewsroom as parseWithFile, publicSecurityRecord, readNewsroom, type NewsroomInput } from '../../src/lib/newsroom/newsroom.ts';
import { QINGWEI, ZHONGYUAN } from '../fixtures/sites.ts';

const parseNewsroom = (value: unknown) => parseWithFile(value, 'site.yaml');

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
  it('accepts a newsroom, and the config files of the test newsrooms', () => {
    expect(parseNewsroom(valid).columns.map((column) => column.slug)).toEqual(['news', 'life']);
    expect(ZHONGYUAN.newsroom.name).toBe('中原新闻');
    expect(QINGWEI.newsroom).toMatchObject({ name: '青苇新闻', icp: '湘ICP备2099000001号-1', pageSize: 10 });
    expect(columnByName(QINGWEI.newsroom, '生态环保')?.slug).toBe('ecology');
    expect(columnByName(QINGWEI.newsroom, '安全应急')).toBeUndefined();
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
      parseWithFile(bad, 'tests/fixtures/other/site.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('站点配置 tests/fixtures/other/site.yaml 有误，构建已停止');
    expect(message).toContain('字段 name：站名（name）不能为空');
    expect(message).toContain('字段 url：网站地址（url）应为 http:// 或 https:// 开头的完整网址');
    expect(message).toContain('字段 icp：ICP 备案号（icp）应照备案写');
    expect(message).toContain('字段 themeColor.light：浅色主题色（themeColor.light）应写成 #RRGGBB');
    expect(message).toContain('字段 columns.1.slug：栏目网址名“news”重复了');
    expect(message).toContain('字段 columns.1.name：栏目名称“要闻”重复了');
    expect(message).toContain('字段 colour：未知字段“colour”');
  });
});

describe('readNewsroom', () => {
  const source = readFileSync(QINGWEI.config, 'utf8');
  // Named as the build names it, relative to the project: its images are beside it.
  const file = relative(process.cwd(), QINGWEI.config);
  const problems = (text: string) => {
    try {
      readNewsroom(text, file);
    } catch (error) {
      return (error as Error).message.split('\n');
    }
    throw new Error('the config was accepted');
  };

  it('reads a config file as parseNewsroom checks its value', () => {
    expect(readNewsroom(source, file)).toEqual(QINGWEI.newsroom);
    // Its images, relative to the config in the file, absolute in the value.
    expect(QINGWEI.newsroom.logo).toBe(join(dirname(QINGWEI.config), 'masthead.svg'));
    expect(QINGWEI.newsroom.icon).toBe(join(dirname(QINGWEI.config), 'icon.png'));
  });

  it('names the line and column of each wrong field, a missing one at its parent, an unknown one at its key', () => {
    const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;
    const bad = source.replace('icp: 湘ICP备2099000001号-1', 'icp: 湘ICP 2099').replace("  dark: '#86efac'", "  dark: green\nslogan: 青苇青青").replace(/^tagline: .*\n/m, '');
    expect(problems(bad)).toEqual([
      `站点配置 ${file} 有误，构建已停止：`,
      // A missing field is at the start of the config, where it would go.
      `  ${file}:${lineOf(bad, 'name:')}:1 字段 tagline：缺少副标题（tagline）`,
      `  ${file}:${lineOf(bad, 'icp:')}:6 字段 icp：ICP 备案号（icp）应照备案写，例如 豫ICP备2024000000号-1`,
      `  ${file}:${lineOf(bad, '  dark:')}:9 字段 themeColor.dark：深色主题色（themeColor.dark）应写成 #RRGGBB，例如 #9b1c1c`,
      `  ${file}:${lineOf(bad, 'slogan:')}:1 字段 slogan：未知字段“slogan”：请删除或改正拼写`,
    ]);
  });

  it('names the line of an image that is not there or not an image browsers show in its place', () => {
    const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;
    const bad = source.replace('logo: masthead.svg', 'logo: 报头.png').replace('icon: icon.png', 'icon: masthead.svg\n').replace('pageSize: 10', 'pageSize: 1');
    // Named together with the other wrong fields, in one build.
    expect(problems(bad)).toEqual([
      `站点配置 ${file} 有误，构建已停止：`,
      `  ${file}:${lineOf(bad, 'logo:')}:7 字段 logo：找不到报头图片“报头.png”：路径相对于站点配置文件所在的目录`,
      `  ${file}:${lineOf(bad, 'pageSize:')}:11 字段 pageSize：每页篇数（pageSize）至少 5`,
    ]);
    // An icon must be SVG or PNG; a file that only pretends to be an image is refused too.
    expect(problems(source.replace('icon: icon.png', 'icon: articles/2025/03/wetland-bird-survey.md'))[1]).toBe(
      `  ${file}:${lineOf(source, 'icon:')}:7 字段 icon：网站图标“articles/2025/03/wetland-bird-survey.md”应为 SVG、PNG 图片`,
    );
  });

  it('names the line of a YAML syntax error and refuses aliases', () => {
    expect(problems('name: 青苇新闻\ntagline: [未闭合\n')[1]).toMatch(/^ {2}\S+site\.yaml:\d+:\d+ 不是合法的 YAML：/);
    expect(problems('name: &n 青苇新闻\npublisher: *n\n')[1]).toMatch(/^ {2}\S+site\.yaml:1:1 无法读取：/);
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
