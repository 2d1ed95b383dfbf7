/**
 * Articles that are unusual but valid must build, and their pages must be right: a file saved by a Windows
 * editor (byte-order mark, CRLF), tags and names that differ only in width or case (one page), tags with
 * spaces and punctuation (pages exactly where the links point, as a static host maps URLs to files), markup
 * in a title (escaped in the page, the JSON-LD and the feed), and a picture story without text.
 * One real build of the test newsroom's articles plus these files; the rules themselves are tested in tests/unit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryArchive } from '../helpers/archive.ts';
import { htmlFiles } from '../helpers/file-tree.ts';
import { projectCopy } from '../helpers/project-copy.ts';
import { scratchDir } from '../helpers/scratch.ts';

// Built in a copy of the project: its photo must not meet another build's map of images (project-copy.ts).
const scratch = scratchDir('unusual');
const archive = temporaryArchive(join(scratch, 'archive'), { project: projectCopy(join(scratch, 'project')) });
const outDir = archive.target().outDir;
const TITLE_WITH_MARKUP = '<b>加粗</b>标题 & “引号”<script>x</script>';

function article(fields: string, body: string): string {
  return `---\n${fields.trim()}\n---\n${body}`;
}

beforeAll(async () => {
  const dir = '2023/11';
  // Saved by a Windows editor: BOM and CRLF line endings.
  const windows = article('title: 老旧小区改造动员会召开\ndate: 2023-11-02\ncolumn: 城市建设\ntags: [5G, AI, 城市  更新]', '本报讯 11月2日，动员会召开。\n\n第二段，部署工作。\n');
  archive.write(`${dir}/windows-editor.md`, `\uFEFF${windows.replace(/\n/g, '\r\n')}`);
  archive.write(
    `${dir}/width-and-case.md`,
    article(
      `title: ${JSON.stringify(TITLE_WITH_MARKUP)}\ndate: 2023-11-03\ncolumn: 经济产业\ntags: [５Ｇ, ai, 文化&旅游, 互联网+政务, "it's", 中原区（郑州）, 50％]\npeople: [阿依古丽·买买提]`,
      '本报讯 11月3日，产业推进会召开。\n',
    ),
  );
  archive.write(
    `${dir}/code-sample.md`,
    article('title: 政务数据接口开放\ndate: 2023-11-05\ncolumn: 经济产业', '本报讯 接口示例如下：\n\n```json\n{ "district": "中原区" }\n```\n'),
  );
  archive.write(`${dir}/photos/lantern.jpg`, await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#6b8fb3' } }).jpeg().toBuffer());
  archive.write(
    `${dir}/picture-story.md`,
    article(
      'title: 灯会点亮碧沙岗\ndate: 2023-11-04\ncolumn: 文化旅游\nphotos:\n  - src: ./photos/lantern.jpg\n    alt: 碧沙岗公园里挂满彩灯的长廊\n    caption: 11月4日晚，市民在碧沙岗公园赏灯。',
      '',
    ),
  );
  const site = await archive.build();
  if (!site.ok) throw new Error(`the build failed:\n${site.output.slice(-3000)}`);
}, 180_000);

const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const h1 = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
const unescapeHtml = (text: string) =>
  text.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('unusual but valid articles', () => {
  it('a BOM and CRLF line endings build like any file', () => {
    const html = page('articles/2023/11/windows-editor');
    expect(unescapeHtml(h1(html)).trim()).toBe('老旧小区改造动员会召开');
    expect(html).toContain('<p>第二段，部署工作。</p>');
    expect(html).not.toMatch(/\r|\uFEFF/);
  });

  it('tags that differ only in width or case are one page, listing every article', () => {
    const tag5g = page('tags/5g');
    expect(unescapeHtml(h1(tag5g))).toMatch(/^标签：5G/);
    expect(tag5g).toContain('/articles/2023/11/windows-editor/');
    expect(tag5g).toContain('/articles/2023/11/width-and-case/');
    expect(existsSync(join(outDir, 'tags/５ｇ'))).toBe(false);
    expect(page('tags/ai')).toContain('/articles/2023/11/width-and-case/');
  });

  it('every internal link of the site points at a page that exists, as a static host maps it', () => {
    const links = new Set<string>();
    for (const file of htmlFiles(outDir)) {
      for (const [, href] of readFileSync(join(outDir, file), 'utf8').matchAll(/href="(\/[^"#?]*)"/g)) links.add(href!);
    }
    const tagLinks = [...links].filter((href) => href.startsWith('/tags/') || href.startsWith('/people/'));
    for (const expected of ['城市 更新', '文化&旅游', '互联网+政务', "it's", '中原区（郑州）', '50％']) {
      expect(tagLinks.map((href) => decodeURIComponent(href))).toContain(`/tags/${expected}/`);
    }
    expect(tagLinks.map((href) => decodeURIComponent(href))).toContain('/people/阿依古丽·买买提/');
    const missing = [...links].filter((href) => {
      const path = join(outDir, decodeURIComponent(href.replace(/&amp;/g, '&').replace(/&#39;/g, "'")));
      return !(href.endsWith('/') ? existsSync(join(path, 'index.html')) : existsSync(path));
    });
    expect(missing).toEqual([]);
  });

  it('markup in a title is text in the page, the structured data and the feed', () => {
    const html = page('articles/2023/11/width-and-case');
    expect(unescapeHtml(h1(html))).toBe(TITLE_WITH_MARKUP);
    expect(h1(html)).not.toContain('<b>');
    // Quoted attribute values (og:title) may hold < as it is; nowhere else may the markup be live.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<script>x</script>');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as { headline?: string };
    expect(jsonLd.headline).toBe(TITLE_WITH_MARKUP);
    const feed = new XMLParser({ processEntities: true }).parse(readFileSync(join(outDir, 'rss.xml'), 'utf8')) as { rss: { channel: { item: { title: string }[] } } };
    expect(feed.rss.channel.item.map((item) => item.title)).toContain(TITLE_WITH_MARKUP);
  });

  it('a picture story (photos with a caption, no text) is published with its photo', () => {
    const html = page('articles/2023/11/picture-story');
    expect(html).toMatch(/<figure class="article__photo">[\s\S]*alt="碧沙岗公园里挂满彩灯的长廊"[\s\S]*11月4日晚，市民在碧沙岗公园赏灯。/);
  });

  it('no page has a style attribute, which the Content Security Policy would refuse (code blocks included)', () => {
    expect(page('articles/2023/11/code-sample')).toContain('<pre><code class="language-json">');
    const styled = htmlFiles(outDir).filter((path) => / style="/.test(readFileSync(join(outDir, path), 'utf8')));
    expect(styled).toEqual([]);
  });
});
