import { describe, expect, it } from 'vitest';
import { bodyParagraphs, deriveSummary, hasBodyText } from '../../src/lib/text.ts';

describe('bodyParagraphs', () => {
  it('splits at blank lines and strips inline Markdown', () => {
    expect(bodyParagraphs('本报讯 第一段**加粗**。\n\n第二段[链接](https://example.org)。\n\n## 小标题\n\n第三段')).toEqual([
      '本报讯 第一段加粗。',
      '第二段链接。',
      '第三段',
    ]);
  });
});

describe('deriveSummary', () => {
  it('takes the lead paragraph without the 本报讯 dateline', () => {
    expect(deriveSummary('本报讯 5月5日上午,中原区召开专题会议。\n\n第二段。')).toBe('5月5日上午,中原区召开专题会议。');
    expect(deriveSummary('本报讯(记者 唐善普)近日,会议召开。')).toBe('近日,会议召开。');
  });

  it('cuts a long lead after the last full sentence that fits', () => {
    const lead = `${'甲'.repeat(70)}。${'乙'.repeat(70)}。`;
    expect(deriveSummary(lead, 120)).toBe(`${'甲'.repeat(70)}。`);
  });

  it('cuts at a clause and marks the cut when no sentence fits', () => {
    const lead = `${'甲'.repeat(80)},${'乙'.repeat(80)}。`;
    expect(deriveSummary(lead, 120)).toBe(`${'甲'.repeat(80)}……`);
  });
});

describe('bodyParagraphs and hasBodyText', () => {
  it('keep a paragraph written directly under its heading, and a #topic# that is not a heading', () => {
    expect(bodyParagraphs('## 会议要求\n全市要抓好落实。\n\n## 下一步\r\n继续推进。')).toEqual(['全市要抓好落实。', '继续推进。']);
    expect(bodyParagraphs('#郑州暴雨# 市民互助。')).toEqual(['#郑州暴雨# 市民互助。']);
    expect(hasBodyText('## 会议要求\n全市要抓好落实。')).toBe(true);
    expect(hasBodyText('#郑州暴雨# 市民互助。')).toBe(true);
    expect(hasBodyText('## 小标题\n### 又一个\n')).toBe(false);
    expect(hasBodyText('| 指标 | 数值 |\n|---|---|\n| 产值 | 1.2 |')).toBe(true);
  });
});
