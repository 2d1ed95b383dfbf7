import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { articleBodyOf, rehypeArticleBody, remarkArticleBody } from '../../src/lib/article/body.ts';
import { renderArticle } from '../../src/lib/archive/source.ts';
import { parseArticleFile } from '../../src/lib/article/file.ts';
import type { UnsafeHtml } from '../../src/lib/html-safety/unsafe-html.ts';
import { articleRenderer } from '../../src/markdown.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';
import { articleBody } from '../helpers/article-body.ts';

/**
 * The problems the article pipeline finds in a body that starts on file line `bodyStartLine`; with
 * `imageProblem`, its two steps alone, given that check of a relative image path.
 */
async function findUnsafeHtml(body: string, bodyStartLine: number, imageProblem?: (src: string) => string | undefined): Promise<UnsafeHtml[]> {
  let problems: UnsafeHtml[];
  if (imageProblem) {
    const processor = unified({ remarkPlugins: [[remarkArticleBody, { imageProblem: (_path: string, src: string) => imageProblem(src) }]], rehypePlugins: [rehypeArticleBody] });
    const { metadata } = await (await processor.createRenderer({ syntaxHighlight: false })).render(body, { fileURL: pathToFileURL('/archive/a.md') });
    problems = articleBodyOf(metadata)!.problems;
  } else {
    problems = (await articleBody(body)).problems;
  }
  return problems.map((problem) => ({ ...problem, line: problem.line + bodyStartLine - 1 }));
}

/** The one problem of `text` placed after a first paragraph in a body that starts on file line 20. */
async function onlyProblem(text: string) {
  const problems = await findUnsafeHtml(`第一段。\n\n${text}\n`, 20);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('the article pipeline’s HTML check (lib/html-safety/unsafe-html.ts)', () => {
  it.each([
    ['a script', '正文<script>alert(1)</script>', 3, '<script>'],
    ['an event handler', '<span title="图" onmouseover="alert(1)">', 17, 'onmouseover='],
    ['a javascript: link in HTML', '<a href="javascript:alert(1)">点这里</a>', 4, 'javascript:'],
    ['a javascript: link in Markdown', '[点这里](javascript:alert(1))', 5, 'javascript:'],
    ['an iframe', '<iframe src="https://example.org"></iframe>', 1, '嵌入外部页面'],
  ])('rejects %s with line and column', async (_kind, line, column, words) => {
    const [problem, ...rest] = await findUnsafeHtml(`第一段。\n\n${line}\n`, 20);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 22, column });
    expect(problem!.message).toContain(words);
  });

  it('keeps the wording the build test looks for', async () => {
    expect((await onlyProblem('<script>alert(1)</script>')).message).toContain('正文含有 <script>');
    expect((await onlyProblem('<p onclick="steal()">点此</p>')).message).toContain('事件属性（onclick=）');
    expect((await onlyProblem('[点此](javascript:alert(1))')).message).toContain('javascript:/data: 地址');
  });

  // One representative of each class of refused content: [kind, line of the body, column, words of the message].
  it.each([
    // Script and events
    ['an uppercase script', '<SCRIPT>alert(1)</SCRIPT>', 1, '<script>：文章里不能有脚本'],
    ['a noscript', '<noscript><p>x</p></noscript>', 1, '<noscript>'],
    ['an event handler on an allowed element', '<p onmouseover="x()">点此</p>', 4, '事件属性（onmouseover=）'],
    // Elements that change the whole page
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://example.org/">', 1, 'refresh'],
    ['a base', '<base href="https://example.org/">', 1, '<base>：这是改变整个页面的元素'],
    ['a link', '<link rel="stylesheet" href="/x.css">', 1, '<link>'],
    ['a style element', '<style>body { display: none }</style>', 1, '<style>：这是改变整个页面的元素'],
    ['a plaintext', '<plaintext>其后的一切', 1, '<plaintext>'],
    ['a form, once for all its fields', '<form action="/x"><input name="pw"><button>领奖</button></form>', 1, '<form>：文章里不能有表单'],
    ['a lone button', '<button>领奖</button>', 1, '<button>'],
    // Embedded pages, plugins, media
    ['an object', '<object data="x.swf"></object>', 1, '<object>：文章里不能嵌入外部页面或插件'],
    ['an embed', '<embed src="x.swf">', 1, '<embed>'],
    ['a video', '<video src="a.mp4"></video>', 1, '<video>'],
    // Content that can carry script or hide from the check
    ['an svg', '<svg><script>alert(1)</script></svg>', 1, '<svg>：它可以携带脚本'],
    ['a math', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', 1, '<math>'],
    ['a template', '<template shadowrootmode="open"><img src="a.jpg"></template>', 1, '<template>'],
    // Page structure and anything else not on the list
    ['a main', '<main>正文</main>', 1, '<main>：它属于页面结构'],
    ['a font', '<font color="red">红</font>', 1, '<font>：文章里不支持这个 HTML 元素'],
    ['a tag split so that it is no script', '<scr\nipt>alert(1)</script>', 1, '<scr>'],
    // Images: HTML images are never processed by the site; Markdown images must be the site's own
    ['an HTML image', '<img src="./photos/a.jpg" alt="图">', 1, '<img>：网站不会处理 HTML 写的图片'],
    ['an HTML image with an event handler', '<img src="a.jpg" onerror="alert(1)">', 1, '<img>'],
    ['a remote Markdown image', '![图](https://example.org/a.jpg)', 4, 'Markdown 图片来自外部网站'],
    ['a protocol-relative Markdown image', '![图](//example.org/a.jpg)', 4, 'photos:'],
    ['a backslash protocol-relative Markdown image', '![图](/\\\\example.org/a.jpg)', 4, '外部网站'],
    ['a data: Markdown image', '![图](data:image/png;base64,AAAA)', 4, 'javascript:/data: 地址（data:）'],
    // Attributes
    ['a style attribute', '<p style="color: red">红字</p>', 4, 'style 属性'],
    ['a class attribute', '<p class="MsoNormal">段落</p>', 4, 'class 属性（class="MsoNormal"）'],
    ['an id attribute', '<h2 id="main">小标题</h2>', 5, 'id 属性（id="main"）'],
    ['a name attribute', '<a name="getElementById" href="#x">点</a>', 4, 'name 属性'],
    ['a target attribute', '<a href="https://example.org/" target="_blank">链接</a>', 32, '不支持的属性（target=）'],
    ['a ping attribute', '<a href="/" ping="https://example.org/track">链接</a>', 13, '不支持的属性（ping=）'],
    ['a data attribute', '<span data-x="1">字</span>', 7, '不支持的属性（data-x=）'],
    // Addresses
    ['a decimal-entity javascript: link', '<a href="&#106;avascript:alert(1)">点</a>', 4, 'javascript:/data: 地址（javascript:）'],
    ['a tab-entity javascript: link', '<a href="java&#x09;script:alert(1)">点</a>', 4, 'javascript:'],
    ['a named-entity colon', '<a href="javascript&colon;alert(1)">点</a>', 4, 'javascript:'],
    ['a spaced, uppercase scheme', '<A HREF="  JAVASCRIPT:alert(1)">点</A>', 4, 'javascript:'],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">点</a>', 4, '（vbscript:）'],
    ['a file: link', '<a href="file:///etc/passwd">点</a>', 4, '使用了 file: 地址'],
    ['a data: Markdown link', '[点](data:text/html,<script>alert(1)</script>)', 3, 'Markdown 链接使用了 javascript:/data: 地址'],
    ['an entity in a Markdown link', '[点](&#106;avascript:alert(1))', 3, 'javascript:'],
    ['an autolink', '<javascript:alert(1)>', 1, 'Markdown 链接使用了 javascript:'],
  ])('rejects %s', async (_kind, text, column, words) => {
    const problem = await onlyProblem(text);
    expect(problem).toMatchObject({ line: 22, column });
    expect(problem.message).toContain(words);
  });

  it('reports an attribute on the line and column where it is written, also in a tag split across lines', async () => {
    expect(await onlyProblem('<span\n  title="图"\n  onerror="alert(1)">')).toMatchObject({ line: 24, column: 3 });
    // Inside a quote or list, the raw HTML loses its `> ` or indent: columns still count from the file's line start.
    expect(await onlyProblem('> 引用\n> <p\n>   style="color: red">红字</p>')).toMatchObject({ line: 24, column: 5 });
    expect(await onlyProblem('- 列表\n  <span title="图"\n    onclick="x()">')).toMatchObject({ line: 24, column: 5 });
  });

  it('rejects a reference definition by where it is written', async () => {
    const [problem, ...rest] = await findUnsafeHtml('[点这里][x]\n\n[x]: javascript:alert(1)\n', 10);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 12, column: 3 });
    expect(problem!.message).toContain('Markdown 链接定义使用了 javascript:/data: 地址');
    // A definition is a remote image when an image uses it, and a link is fine with it.
    expect(await findUnsafeHtml('![图][p]\n\n[p]: //example.org/a.jpg\n', 1)).toMatchObject([{ line: 3, column: 3 }]);
    expect(await findUnsafeHtml('[站外][p]\n\n[p]: //example.org/a.html\n', 1)).toEqual([]);
  });

  it('reports each problem of an element, and a copy the parser makes only once', async () => {
    const problems = await findUnsafeHtml('<p onclick="x()" style="color: red" class="c">段落</p>', 1);
    expect(problems.map((problem) => problem.column)).toEqual([4, 18, 37]);
    // The HTML parser reopens <b> inside the <p>: one problem, at the original.
    expect(await findUnsafeHtml('<b style="color: red"><p>段落</p>', 1)).toMatchObject([{ line: 1, column: 4 }]);
  });

  it('allows harmless HTML, and code that only shows HTML', async () => {
    const body = '面积<sup>2</sup>\n\n<a href="https://example.org/">链接</a>\n\n`<script>` 是脚本标签\n\n```html\n<script>alert(1)</script>\n```\n\n在线（online）报名';
    expect(await findUnsafeHtml(body, 1)).toEqual([]);
  });

  it.each([
    ['an HTML table', '<table>\n<caption>一季度</caption>\n<thead><tr><th scope="col">指标</th><th>增速</th></tr></thead>\n<tbody><tr><td colspan="2" rowspan="1">5.1%</td></tr></tbody>\n</table>'],
    ['a table without tbody', '<table><tr><td>1</td></tr></table>'],
    ['text formatting', '水H<sub>2</sub>O，面积 100 米<sup>2</sup>，<b>粗</b><i>斜</i><u>下划线</u><br><small>小字</small><mark>标记</mark><ruby>郑<rp>(</rp><rt>zhèng</rt><rp>)</rp></ruby><abbr title="国内生产总值">GDP</abbr><span lang="en">online</span>'],
    ['blocks', '<div><p>段</p><blockquote><p>引</p></blockquote><ul><li>一</li></ul><ol start="3"><li value="3">三</li></ol><hr><h3>小标题</h3></div>'],
    ['a figure with a Markdown photo', '<figure>\n\n![现场](./photo.jpg)\n\n<figcaption>现场</figcaption></figure>'],
    ['links of every allowed kind', '<a href="https://example.org/">站外</a> <a href="http://example.org/">站外</a> <a href="//example.org/">站外</a> <a href="mailto:a@example.org">信箱</a> <a href="tel:0371-12345678">电话</a> <a href="/articles/">本站</a> <a href="#会议部署">本页</a> <a title="说明">无地址</a>'],
    ['Markdown links and images', '[新华网](https://www.xinhuanet.com/) [电话](tel:12345) [本站](/articles/2024/05/x/) [锚](#会议部署) ![现场](./photo.jpg) <https://example.org/> <a@example.org>'],
    ['an HTML comment', '<!-- 编辑注：待核实 -->\n\n正文<!-- 行内注释 -->继续'],
    ['indented and inline code', '    <iframe src="https://example.org"></iframe>\n\n`<meta http-equiv="refresh">` 与 `[x](javascript:alert(1))`'],
    ['GFM tables, footnotes, task lists, strikethrough and bare URLs', '| 指标 | 数值 |\n|---|:-:|\n| 产值<br>（亿元） | 1.2 |\n\n- [ ] 任务\n- [x] 完成\n\n正文[^1] ~~删除~~ www.example.com xmpp:a@example.org\n\n[^1]: 注释：javascript:这是正文，不是地址'],
    ['text that only looks like HTML', '增幅 <5%，a < b，1<2'],
  ])('allows %s', async (_kind, body) => {
    expect(await findUnsafeHtml(body, 1)).toEqual([]);
  });

  it('makes the article file invalid, naming the line', async () => {
    const parsed = parseArticleFile('---\ntitle: 标题\ndate: 2024-05-06\ncolumn: 时政要闻\n---\n正文\n\n<button onclick="steal()">领奖</button>\n', 'a.md', { columns: ZHONGYUAN.newsroom.columns });
    if (!parsed.ok) throw new Error('the frontmatter is valid');
    const article = { ...parsed, kept: false as const, file: 'a.md', path: '/archive/a.md', shown: 'a.md', id: 'a', url: '/articles/a/', digest: '', published: true };
    const result = await renderArticle(article, articleRenderer);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toMatchObject([{ file: 'a.md', line: 8, column: 1, field: '' }]);
  });

  it('reports a body the Markdown parser cannot take (deeply nested HTML) at the body, not as a crash', async () => {
    const parsed = parseArticleFile(`---\ntitle: 标题\ndate: 2024-05-06\ncolumn: 时政要闻\n---\n\n正文\n\n${'<div>'.repeat(20_000)}正文\n`, 'a.md', { columns: ZHONGYUAN.newsroom.columns });
    if (!parsed.ok) throw new Error('the frontmatter is valid');
    const article = { ...parsed, kept: false as const, file: 'a.md', path: '/archive/a.md', shown: 'a.md', id: 'a', url: '/articles/a/', digest: '', published: true };
    const result = await renderArticle(article, articleRenderer);
    expect(result.ok ? [] : result.problems).toEqual([{ file: 'a.md', line: 7, column: 1, field: '', message: expect.stringContaining('正文无法转换为网页') }]);
  });

  it('checks each relative Markdown image with the caller\'s file check, and only those', async () => {
    const asked: string[] = [];
    const imageProblem = (src: string) => (asked.push(src), src.includes('没有') ? `找不到图片文件“${src}”` : undefined);
    const body = '第一段。\n\n![现场](./photos/%E7%8E%B0%E5%9C%BA.jpg) ![缺](./photos/没有.jpg)\n\n![远](https://example.org/a.jpg) ![站](/images/a.jpg) [链接](./a.jpg)\n';
    expect(await findUnsafeHtml(body, 10, imageProblem)).toEqual([
      { line: 12, column: 43, message: 'Markdown 图片：找不到图片文件“./photos/没有.jpg”' },
      { line: 14, column: 4, message: expect.stringContaining('Markdown 图片来自外部网站') },
    ]);
    expect(asked).toEqual(['./photos/现场.jpg', './photos/没有.jpg']);
  });
});
