/**
 * Locating articles on a page (src/lib/epaper): comparable characters, lines from a text layer's runs, pieces
 * and blocks of an article's text, trimmed overlaps, and what is located or reported, on hand-made pages whose
 * geometry is known exactly. tests/build/epaper-locate.test.ts does the same on a page Chromium printed.
 */
import { describe, expect, it } from 'vitest';
import { comparableText } from '../../src/lib/epaper/comparable.ts';
import { locateArticles, type PageRect, type PageTextItem } from '../../src/lib/epaper/locate.ts';
import { pageLines } from '../../src/lib/epaper/page-lines.ts';
import { articleRegions, groupPieces, joinBlocks, type TextBox } from '../../src/lib/epaper/regions.ts';

/** A printed line as a text layer gives it: runs of at most `run` characters, each ideograph `size` wide. */
function printedLine(text: string, x: number, y: number, size = 10, run = 5): PageTextItem[] {
  const items: PageTextItem[] = [];
  for (let start = 0; start < text.length; start += run) {
    const part = text.slice(start, start + run);
    items.push({ text: part, x: x + start * size, y, width: part.length * size, height: size });
  }
  return items;
}

/** `text` set in a column `chars` wide from (x, y), lines 15 points apart: the runs, and the box the column fills. */
function column(text: string, x: number, y: number, chars = 12): { items: PageTextItem[]; lines: number } {
  const items: PageTextItem[] = [];
  let lines = 0;
  for (let start = 0; start < text.length; start += chars, lines++) items.push(...printedLine(text.slice(start, start + chars), x, y + lines * 15));
  return { items, lines };
}

const box = (x0: number, y0: number, x1: number, y1: number, size = 10): TextBox => ({ x0, y0, x1, y1, size });
const overlap = (a: PageRect, b: PageRect) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

describe('comparable text', () => {
  it('reads radicals as the ideographs they print, full-width digits as digits, and leaves out punctuation and spaces', () => {
    expect(comparableText('区⻓邓英⽂，部⻔、商⼾ “十五条” ２０２４年 ABC')).toBe('区长邓英文部门商户十五条2024年abc');
    expect(comparableText('，。“”')).toBe('');
  });
});

describe('lines of a text layer', () => {
  it('joins the runs of one printed line, split where the font changes or by a lone punctuation run', () => {
    const items = [
      { text: '中原区领导', x: 0, y: 0, width: 50, height: 10 },
      { text: '“', x: 50, y: 0, width: 10, height: 10 },
      { text: '⽣产', x: 60, y: 0.5, width: 20, height: 10 },
    ];
    const lines = pageLines(items.reverse());
    expect(lines.map((line) => line.text)).toEqual(['中原区领导生产']);
    expect(lines[0]!.glyphs.at(-1)).toMatchObject({ char: '产', x0: 70, x1: 80 });
  });

  it('keeps apart two columns side by side and a headline beside a line of text', () => {
    const items = [...printedLine('左栏的一行文字', 0, 0), ...printedLine('右栏的一行文字', 90, 0), { text: '大标题', x: 200, y: -10, width: 60, height: 20 }];
    expect(pageLines(items).map((line) => line.text).sort()).toEqual(['右栏的一行文字', '大标题', '左栏的一行文字']);
  });
});

describe('pieces and blocks of an article', () => {
  const title = box(0, 0, 300, 20, 20);
  const columns = [0, 105, 210].map((x) => Array.from({ length: 8 }, (_, line) => box(x, 30 + line * 15, x + 90, 40 + line * 15)));

  it('makes a piece of each column and of the headline', () => {
    const pieces = groupPieces([title, ...columns.flat()]);
    expect(pieces).toHaveLength(4);
    expect(pieces).toContainEqual({ x0: 105, y0: 30, x1: 195, y1: 145 });
  });

  it('joins a headline and its three columns into one block', () => {
    expect(joinBlocks(groupPieces([title, ...columns.flat()]), [])).toEqual([{ x0: 0, y0: 0, x1: 300, y1: 145 }]);
  });

  it('does not join across another article’s text, nor over a wide empty space', () => {
    const continuation = box(400, 300, 490, 400);
    // Another article's column between the first column and the rest.
    const foreign = [box(105, 30, 195, 145)];
    const blocks = joinBlocks(groupPieces([...columns[0]!, ...columns[2]!, continuation]), foreign);
    expect(blocks).toHaveLength(3);
    expect(joinBlocks(groupPieces([...columns[0]!, continuation]), [])).toHaveLength(2);
  });

  it('trims the regions of two articles that overlap, leaving the shared part to the one that prints more there', () => {
    const regions = articleRegions(
      new Map([
        ['a', [box(0, 0, 100, 10), box(0, 15, 100, 25), box(0, 30, 100, 40), box(0, 45, 100, 55)]],
        // b's lines start inside a's last line.
        ['b', [box(50, 50, 150, 60), box(50, 65, 150, 75), box(50, 80, 150, 90)]],
      ]),
    );
    const [a, b] = [regions.get('a')!, regions.get('b')!];
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    for (const ra of a) for (const rb of b) expect(overlap(ra, rb)).toBeLessThanOrEqual(0.05 * Math.min(ra.width * ra.height, rb.width * rb.height));
  });
});

describe('locating articles', () => {
  const shared = '会议要求各有关部门加强协同配合确保全区安全生产形势持续稳定向好';
  const first = { id: 'first', title: '中原区召开安全生产专题会议', paragraphs: [`本报讯五月五日上午中原区召开专题会议研究落实市委部署。${shared}。`, '会后与会人员到企业现场调研安全生产工作落实情况。'] };
  const second = { id: 'second', title: '中原区部署防汛工作', paragraphs: [`本报讯区防汛指挥部日前召开会议安排汛期各项工作。${shared}。`, '各街道要落实防汛物资和抢险队伍。'] };
  const partial = {
    id: 'partial',
    title: '中原区举办春季招聘会',
    paragraphs: ['本报讯一百二十家企业提供三千个岗位。', '招聘会设置了智能制造、现代服务、商贸物流等专区，吸引了大批求职者前来咨询，现场气氛热烈，不少人当场达成了就业意向。', '区人社局负责人介绍，今年还将举办线上招聘、直播带岗等活动，让求职者在家门口就能找到合适的工作岗位。'],
  };
  const body = (article: typeof first) => article.paragraphs.join('');
  // first in two columns at the left, second in one column at the right; the shared sentence is in both.
  const firstColumns = body(first);
  const half = Math.ceil(firstColumns.length / 24) * 12;
  const page = {
    width: 600,
    height: 400,
    items: [
      { text: '中原新闻 第5版', x: 0, y: 0, width: 140, height: 10 },
      { text: first.title, x: 0, y: 20, width: 260, height: 20 },
      ...column(firstColumns.slice(0, half), 0, 50).items,
      ...column(firstColumns.slice(half), 140, 50).items,
      { text: second.title, x: 300, y: 20, width: 180, height: 20 },
      ...column(body(second), 300, 50, 16).items,
      // A caption that quotes the first article's words: it is not the article printed.
      ...printedLine('图为会后与会人员到企业现场调研', 300, 300, 8, 20),
      // An article continued on another page: its headline and first paragraph only.
      { text: partial.title, x: 0, y: 200, width: 200, height: 20 },
      ...column(partial.paragraphs[0]!, 0, 230).items,
    ],
  };

  it('locates each article in its own place, the shared sentence where its neighbours are, and nothing in the caption', () => {
    const [a, b] = locateArticles(page, [first, second]);
    expect(a).toMatchObject({ id: 'first', located: true });
    expect(b).toMatchObject({ id: 'second', located: true });
    if (!a!.located || !b!.located) return;
    expect(a!.matched).toBeGreaterThanOrEqual(0.97);
    expect(b!.matched).toBeGreaterThanOrEqual(0.97);
    // first: its headline and two columns, in the left half; second: the right half, above the caption.
    for (const region of a!.regions) {
      expect(region.x + region.width).toBeLessThanOrEqual(262);
      expect(region.y + region.height).toBeLessThanOrEqual(110);
    }
    for (const region of b!.regions) {
      expect(region.x).toBeGreaterThanOrEqual(300);
      expect(region.y + region.height).toBeLessThan(300);
    }
    // One block: from the headline's top to the last line of the longer (first) column, across both columns.
    expect(a!.regions).toEqual([{ x: 0, y: 20, width: 260, height: 50 + (half / 12 - 1) * 15 + 10 - 20 }]);
  });

  it('reports an article that is not on the page, one continued on another page, and a page with no text layer', () => {
    const absent = { id: 'absent', title: '中原区开展全民健身月活动', paragraphs: ['二十个社区举办了健身操和篮球比赛。'] };
    const [, , notThere, continued] = locateArticles(page, [first, second, absent, partial]);
    expect(notThere).toEqual({ id: 'absent', located: false, reason: '在版面 PDF 的文字中找不到标题和正文' });
    expect(continued).toMatchObject({ id: 'partial', located: false, reason: expect.stringMatching(/只找到文章文字的 \d+%，不足一半/) });
    expect(locateArticles({ width: 600, height: 400, items: [] }, [first])).toEqual([{ id: 'first', located: false, reason: expect.stringContaining('没有文字层') }]);
  });

  it('reports an article whose body is there but not its headline nor first paragraph', () => {
    const tail = { id: 'tail', title: '另一个标题', paragraphs: ['完全不同的第一段文字', body(second).slice(0, 40)] };
    // Without second on the list, its body is this article's; its headline and first paragraph are not printed.
    const [location] = locateArticles({ ...page, items: column(body(second).slice(0, 40), 300, 50, 16).items }, [tail]);
    expect(location).toMatchObject({ located: false, reason: expect.stringContaining('找不到标题和第一段') });
  });
});
