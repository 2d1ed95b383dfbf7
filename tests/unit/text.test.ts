import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { articleMarkdownProcessor } from '../../src/markdown.ts';
import { bodyParagraphs, hasBodyText, isPlainBody, plainTextBlocks, textBlocks } from '../../src/lib/article/text.ts';
import { bodyTextBlocks, deriveSummary } from '../helpers/article-body.ts';

describe('bodyParagraphs', () => {
  it('splits at blank lines and strips inline Markdown', async () => {
    expect(bodyParagraphs('本报讯 第一段**加粗**。\n\n第二段[链接](https://example.org)。\n\n## 小标题\n\n第三段')).toEqual([
      '本报讯 第一段加粗。',
      '第二段链接。',
      '第三段',
    ]);
  });
});

describe('deriveSummary', () => {
  it('takes the lead paragraph without the 本报讯 dateline', async () => {
    expect(await deriveSummary('本报讯 5月5日上午,中原区召开专题会议。\n\n第二段。')).toBe('5月5日上午,中原区召开专题会议。');
    expect(await deriveSummary('本报讯(记者 唐善普)近日,会议召开。')).toBe('近日,会议召开。');
  });

  it('reads the lead as the page shows it: entities decoded, links and emphasis as text, a heading above skipped', async () => {
    expect(await deriveSummary('本报讯 供暖面积达3.2万&nbsp;平方米，室温18&#8451;以上。\n\n第二段。')).toBe('供暖面积达3.2万\u00a0平方米，室温18℃以上。');
    expect(await deriveSummary('## 会议部署\n\n本报讯 会议要求**压实责任**，详见[通知][1]。\n\n[1]: https://example.org')).toBe('会议要求压实责任，详见通知。');
    expect(await deriveSummary('- 列表\n\n本报讯 正文。')).toBe('正文。');
  });

  it('cuts a long lead after the last full sentence that fits', async () => {
    const lead = `${'甲'.repeat(70)}。${'乙'.repeat(70)}。`;
    expect(await deriveSummary(lead)).toBe(`${'甲'.repeat(70)}。`);
  });

  it('cuts at a clause and marks the cut when no sentence fits', async () => {
    const lead = `${'甲'.repeat(80)},${'乙'.repeat(80)}。`;
    expect(await deriveSummary(lead)).toBe(`${'甲'.repeat(80)}……`);
  });
});

describe('bodyParagraphs and hasBodyText', () => {
  it('keep a paragraph written directly under its heading, and a #topic# that is not a heading', async () => {
    expect(bodyParagraphs('## 会议要求\n全市要抓好落实。\n\n## 下一步\r\n继续推进。')).toEqual(['全市要抓好落实。', '继续推进。']);
    expect(bodyParagraphs('#郑州暴雨# 市民互助。')).toEqual(['#郑州暴雨# 市民互助。']);
    expect(hasBodyText('## 会议要求\n全市要抓好落实。')).toBe(true);
    expect(hasBodyText('#郑州暴雨# 市民互助。')).toBe(true);
    expect(hasBodyText('## 小标题\n### 又一个\n')).toBe(false);
    expect(hasBodyText('| 指标 | 数值 |\n|---|---|\n| 产值 | 1.2 |')).toBe(true);
  });
});

/** The text of the page the pages' own Markdown processor renders, read from its HTML as bodyTextBlocks reads the tree. */
async function pageText(markdown: string): Promise<string[]> {
  const renderer = await articleMarkdownProcessor.createRenderer({ syntaxHighlight: false });
  const html = (await renderer.render(markdown)).code;
  return textBlocks(unified().use(rehypeRaw).runSync({ type: 'root', children: [{ type: 'raw', value: html }] } as unknown as Root) as Root);
}

describe('the body text of the search index (read by the article pipeline)', () => {
  it('gives each list item a line, without its marker, in ordered, unordered, nested and loose lists', async () => {
    const markdown = '- 一级项目甲\n- 一级项目乙\n  - 二级子项\n    1. 三级第一条\n\n1. 第一条\n2. 第二条\n\n+ 加号项目\n\n* 星号项目\n\n- 松散列表第一项\n\n- 松散列表第二项\n\n  第二项的第二段';
    expect(await bodyTextBlocks(markdown)).toEqual([
      '一级项目甲',
      '一级项目乙',
      '二级子项',
      '三级第一条',
      '第一条',
      '第二条',
      '加号项目',
      '星号项目',
      '松散列表第一项',
      '松散列表第二项',
      '第二项的第二段',
    ]);
  });

  it('gives a quote its paragraphs without the > markers, a wrapped line joined', async () => {
    expect(await bodyTextBlocks('> 引用第一行\n> 引用第二行\n>\n> 引用第二段\n>> 嵌套引用\n\n>没有空格的引用')).toEqual([
      '引用第一行引用第二行',
      '引用第二段',
      '嵌套引用',
      '没有空格的引用',
    ]);
  });

  it('decodes named and numeric entities, in text and in table cells; code keeps them as written', async () => {
    const markdown = 'A&amp;B公司 3.2&nbsp;万平方米 &#x4E2D;原区 &#20013;原 18&#8451; &lt;通知&gt; &copy; `&amp;`\n\n<table><tr><td>R&amp;D投入</td><td>&lt;5%</td></tr></table>';
    expect(await bodyTextBlocks(markdown)).toEqual(['A&B公司 3.2\u00a0万平方米 中原区 中原 18℃ <通知> © &amp;', 'R&D投入 <5%']);
  });

  it('keeps the text of reference links and drops their definitions; an undefined reference is text, as the page shows it', async () => {
    const markdown = '详见[区政府网站][gov]、[通知][]和[公告]。\n\n[gov]: https://www.zhengzhou.gov.cn/a\n[通知]: https://example.org/b "标题"\n[公告]: <https://example.org/c>\n\n未定义的[引用][无]照原样。';
    expect(await bodyTextBlocks(markdown)).toEqual(['详见区政府网站、通知和公告。', '未定义的[引用][无]照原样。']);
  });

  it('gives each table row a line with its cells apart, in HTML tables (caption too, two tables in one block) and pipe tables', async () => {
    const html = [
      '<table>',
      '<caption>表一 改造情况</caption>',
      '<thead><tr><th>街道</th><th>小区</th></tr></thead>',
      '<tbody>',
      '<tr><td>林山寨街道</td><td>12个</td></tr>',
      '<tr><td>建设路街道</td><td></td></tr>',
      '</tbody>',
      '</table>',
      '<table><tr><td>第二张表</td></tr></table>',
    ].join('\n');
    const pipes = '| 指标 | 数值 |\n|---|---|\n| 产值 | 1.2亿元 |\n| 税收 | **3000**万元 |';
    expect(await bodyTextBlocks(`${html}\n\n${pipes}`)).toEqual([
      '表一 改造情况',
      '街道 小区',
      '林山寨街道 12个',
      '建设路街道',
      '第二张表',
      '指标 数值',
      '产值 1.2亿元',
      '税收 3000万元',
    ]);
  });

  it('keeps headings as lines of their own, without #, and a #topic# that is not a heading', async () => {
    expect(await bodyTextBlocks('# 一级标题\n\n## 会议要求\n全市要抓好落实。\n\n设置型标题\n---\n\n#郑州暴雨# 市民互助。\n\n### 下一步 ###')).toEqual([
      '一级标题',
      '会议要求',
      '全市要抓好落实。',
      '设置型标题',
      '#郑州暴雨# 市民互助。',
      '下一步',
    ]);
  });

  it('drops emphasis and code marks as the page does (CJK-friendly bold), and keeps underscores that are text', async () => {
    expect(await bodyTextBlocks('企业分享了**“三化改造”**方面的探索，*斜体*和_下划线_，`npm run check` 与 ~~删除线~~，snake_case_name。')).toEqual([
      '企业分享了“三化改造”方面的探索，斜体和_下划线_，npm run check 与 删除线，snake_case_name。',
    ]);
  });

  it('never indexes HTML comments, even one across a blank line, nor <script> or <style>', async () => {
    const markdown = '第一段。<!-- 行内注释 -->续写。\n\n<!-- 编辑注：待核实 -->\n\n<!--\n多行注释\n\n发稿前删除\n-->\n\n<style>p { color: red }</style>\n\n<script>alert("注入")</script>\n\n最后一段。';
    expect(await bodyTextBlocks(markdown)).toEqual(['第一段。续写。', '最后一段。']);
  });

  it('breaks the line at <br> and at Markdown hard breaks', async () => {
    expect(await bodyTextBlocks('第一行<br>第二行<br/>第三行\n\n两个空格  \n下一行\n\n反斜杠\\\n下一行')).toEqual(['第一行', '第二行', '第三行', '两个空格', '下一行', '反斜杠', '下一行']);
  });

  it('joins a wrapped line between Chinese characters, and keeps a space between English words', async () => {
    expect(await bodyTextBlocks('本报讯 中原区召开\n专题会议，“三化\n改造”**稳步**\n推进。\n\nGDP grew\nquickly in\r\n2023.')).toEqual([
      '本报讯 中原区召开专题会议，“三化改造”稳步推进。',
      'GDP grew quickly in 2023.',
    ]);
  });

  it('keeps an image’s alt text as its own line and footnote texts, without the footnote numbers and back-links', async () => {
    expect(await bodyTextBlocks('![图为西流湖公园夜景](night.jpg)\n\n满意度98%[^1]。\n\n[^1]: 数据来自区统计局。')).toEqual([
      '图为西流湖公园夜景',
      '满意度98%。',
      '数据来自区统计局。',
    ]);
  });

  it('is the text of the page the article is rendered on (the pages’ own Markdown processor)', async () => {
    const markdown = [
      '## 会议要求',
      '本报讯 第一行**“加粗”**\n续行 and english\nwords，A&amp;B&nbsp;公司。',
      '- 甲\n- 乙\n  1. 丙',
      '> 引用\n> 续行',
      '详见[网站][gov]。\n\n[gov]: https://www.zhengzhou.gov.cn/',
      '<table><caption>表</caption><tr><th>街道</th><th>数量</th></tr><tr><td>林山寨街道</td><td>&lt;12个</td></tr></table>',
      '| 指标 | 数值 |\n|---|---|\n| 产值 | 1.2亿元 |',
      '第一行<br>第二行 <!-- 注释 -->',
      '![图为夜景](a.jpg)',
      '满意度98%[^1]。\n\n[^1]: 数据来自区统计局。',
      '```\n代码 一\n  代码 二\n```',
    ].join('\n\n');
    expect(await pageText(markdown)).toEqual(await bodyTextBlocks(markdown));
    expect(await bodyTextBlocks(markdown)).toContain('林山寨街道 <12个');
  });

  it('gives the page’s text for plain paragraphs and headings too, which it splits without the parser', async () => {
    const bodies = [
      '本报讯 5月5日上午，中原区召开专题会议。\n\n## 会议要求\n全市要抓好落实。\n\n  ### 下一步 \n继续推进。',
      '本报讯 中原区召开\n  专题会议，“三化\n改造” \n推进。\r\n\r\nGDP grew \n quickly。\n \n\u3000\u3000首行缩进的段落\n\u3000第二行',
      '访问www.zhengzhou.gov.cn\n了解详情，或发邮件至zy@example.org。\n\n面积3.2\u00a0万平方米：\n2023年完成。',
      '#郑州暴雨# 市民互助。\n\n2023.5 数据\n\n: 冒号开头\n\n甲\n:-',
    ];
    for (const markdown of bodies) {
      expect(await bodyTextBlocks(markdown), markdown).toEqual(await pageText(markdown));
      if (isPlainBody(markdown)) expect(plainTextBlocks(markdown), markdown).toEqual(await pageText(markdown));
    }
    expect(bodies.filter((markdown) => isPlainBody(markdown))).toHaveLength(3);
  });
});
