import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { articleMarkdownProcessor } from '../../src/markdown.ts';

async function render(markdown: string, processor = articleMarkdownProcessor): Promise<string> {
  const renderer = await processor.createRenderer({ syntaxHighlight: false });
  return (await renderer.render(markdown)).code;
}

describe('article Markdown pipeline', () => {
  it('makes bold work next to Chinese punctuation, which plain CommonMark does not', async () => {
    const source = '企业分享了**“三化改造”**方面的探索与体会。';
    expect(await render(source)).toContain('<strong>“三化改造”</strong>方面');
    expect(await render(source, unified({ smartypants: false }))).not.toContain('<strong>');
  });

  it('gives headings ids that keep Chinese characters', async () => {
    expect(await render('## 会议部署 二季度重点')).toMatch(/<h2 id="会议部署-二季度重点">/);
  });

  it('keeps quotes, dashes and ellipses as written', async () => {
    const html = await render('他说"好"--然后...');
    expect(html).toContain('他说"好"--然后...');
  });
});
