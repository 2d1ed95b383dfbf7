import { describe, expect, it } from 'vitest';
import { bodyParagraphs, deriveSummary } from '../../src/lib/text.ts';

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
