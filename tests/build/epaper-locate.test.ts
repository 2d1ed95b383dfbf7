/**
 * Locating articles on a printed page (issue 29, the e-paper's 热区), against real parts: real articles of the
 * fixtures typeset on an A3 page (a page header, a headline per article, one set in three columns, one continued
 * in a second block with 下转/上接 notes, a photo caption that is no article's), printed to PDF by Chromium,
 * read back with pdfjs (src/epaper/pdf-text.ts) and located (src/lib/epaper/locate.ts). Each region is scored
 * against where the page printed the article, measured in the DOM before printing.
 */
import { describe, expect, it } from 'vitest';
import { readPdfPageText } from '../../src/epaper/pdf-text.ts';
import { comparableText } from '../../src/lib/epaper/comparable.ts';
import { locateArticles, type ArticleText, type Location, type PageRect } from '../../src/lib/epaper/locate.ts';
import { readRenderedArchive } from '../../src/markdown.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';
import { typesetPage, type TypesetArticle } from '../helpers/typeset-page.ts';

/** The fixture articles by file (2024/05/safety-inspection), as title and paragraphs. */
async function fixtureTexts(): Promise<Map<string, ArticleText>> {
  const texts = new Map<string, ArticleText>();
  for (const dir of [ZHONGYUAN.articles, 'tests/fixtures/search-corpus']) {
    const { articles, problems } = await readRenderedArchive(dir, { columns: ZHONGYUAN.newsroom.columns, now: new Date() });
    expect(problems).toEqual([]);
    for (const { file, data, rendered } of articles) {
      const id = file.replace(/\.md$/, '');
      texts.set(id, { id, title: data.title, paragraphs: rendered.body.lines });
    }
  }
  return texts;
}

const texts = await fixtureTexts();
const text = (id: string): ArticleText => {
  const found = texts.get(id);
  if (!found) throw new Error(`no fixture article ${id}`);
  return found;
};

const ECONOMY = text('2024/05/project-review-q1-economy');
const PRINTED: TypesetArticle[] = [
  { ...text('2024/05/safety-inspection'), area: 'lead', columns: 3 },
  { ...ECONOMY, area: 'econ', columns: 2, continued: { after: Math.ceil(ECONOMY.paragraphs.length / 2), area: 'jump', columns: 2 } },
  { ...text('2024/05/three-transformations-conference'), area: 'conf', columns: 2 },
  { ...text('2020/08/planned-water-outage'), area: 'water' },
  { ...text('2019/06/5g-base-stations'), area: 'fiveg' },
];
/** On the fixtures but not on the page: a notice that shares most of its text with one that is, and an unrelated article. */
const NOT_PRINTED = [text('2019/11/planned-water-outage'), text('2022/01/fireworks-ban-inspection')];
const CAPTION = '图为中原区新型智慧城市运行中心大屏幕。 记者 唐善普 摄';

const typeset = await typesetPage(PRINTED, {
  size: 'A3',
  header: ['中原新闻', '第5版 · 要闻', '2024年5月20日 星期一', '责任编辑：王晓 校对：李青'],
  grid: { areas: ['lead lead lead lead', 'econ econ conf conf', 'water photo jump jump', 'water fiveg jump jump'], columns: 'repeat(4, 1fr)' },
  photos: [{ area: 'photo', caption: CAPTION, height: 150 }],
});
const pageText = await readPdfPageText(new Uint8Array(typeset.pdf));
const locations = locateArticles(pageText, [...PRINTED, ...NOT_PRINTED]);
const byId = new Map(locations.map((location) => [location.id, location]));

/** Areas of unions of rectangles, on a grid of half points: exact enough for shares of a page, and simple. */
function shares(region: readonly PageRect[], printed: readonly PageRect[], width: number, height: number): { coverage: number; outside: number } {
  const STEP = 0.5;
  const columns = Math.ceil(width / STEP);
  const mask = new Uint8Array(columns * Math.ceil(height / STEP));
  const paint = (rects: readonly PageRect[], bit: number) => {
    for (const rect of rects) {
      for (let row = Math.max(0, Math.floor(rect.y / STEP)); row < Math.min(mask.length / columns, Math.ceil((rect.y + rect.height) / STEP)); row++) {
        for (let column = Math.max(0, Math.floor(rect.x / STEP)); column < Math.min(columns, Math.ceil((rect.x + rect.width) / STEP)); column++) mask[row * columns + column]! |= bit;
      }
    }
  };
  paint(printed, 1);
  paint(region, 2);
  let inPrinted = 0;
  let inRegion = 0;
  let inBoth = 0;
  for (const cell of mask) {
    if (cell & 1) inPrinted++;
    if (cell & 2) inRegion++;
    if (cell === 3) inBoth++;
  }
  return { coverage: inBoth / inPrinted, outside: (inRegion - inBoth) / inRegion };
}

const bounds = (rects: readonly PageRect[]): PageRect => {
  const x = Math.min(...rects.map((rect) => rect.x));
  const y = Math.min(...rects.map((rect) => rect.y));
  return { x, y, width: Math.max(...rects.map((rect) => rect.x + rect.width)) - x, height: Math.max(...rects.map((rect) => rect.y + rect.height)) - y };
};
const located = (location: Location | undefined) => (location?.located ? location : undefined);
const overlap = (a: PageRect, b: PageRect) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

describe('locating articles on a page PDF typeset from real articles', () => {
  it('reads the printed page: its size in points, one page, the articles’ text and the page header', () => {
    expect(pageText.pageCount).toBe(1);
    expect(pageText.width).toBeCloseTo(typeset.width, 0);
    expect(pageText.height).toBeCloseTo(typeset.height, 0);
    // The header is letter-spaced and set with Kangxi radicals where Chromium's font has them: compared as matching compares.
    const all = comparableText(pageText.items.map((item) => item.text).join(''));
    expect(all).toContain('中原新闻第5版要闻2024年5月20日');
    expect(all).toContain(comparableText(CAPTION));
    for (const item of pageText.items) {
      expect(item.x).toBeGreaterThanOrEqual(-1);
      expect(item.y).toBeGreaterThanOrEqual(-1);
      expect(item.x + item.width).toBeLessThanOrEqual(pageText.width + 1);
      expect(item.y + item.height).toBeLessThanOrEqual(pageText.height + 1);
    }
  });

  it.each(PRINTED.map((article) => [article.id, article] as const))('locates %s where it is printed (≥ 60% of it covered, ≤ 20% of the region outside it)', (id) => {
    const location = located(byId.get(id));
    expect(location, JSON.stringify(byId.get(id))).toBeDefined();
    const printed = typeset.printed.get(id)!;
    const { coverage, outside } = shares(location!.regions, printed, typeset.width, typeset.height);
    const scores = `${id}: ${location!.regions.length} region(s), matched ${location!.matched}, coverage ${coverage.toFixed(3)}, outside ${outside.toFixed(3)}`;
    expect(location!.matched, scores).toBeGreaterThanOrEqual(0.9);
    expect(coverage, scores).toBeGreaterThanOrEqual(0.6);
    expect(outside, scores).toBeLessThanOrEqual(0.2);
  });

  it('gives the article continued elsewhere (下转) a region in each of its blocks', () => {
    const regions = located(byId.get(ECONOMY.id))!.regions;
    // The first block is on the page's left half, the continuation on its right half (the grid above).
    const printed = typeset.printed.get(ECONOMY.id)!;
    const blocks = [printed.filter((rect) => rect.x + rect.width / 2 < typeset.width / 2), printed.filter((rect) => rect.x + rect.width / 2 >= typeset.width / 2)];
    for (const block of blocks) {
      expect(block.length).toBeGreaterThan(0);
      const around = bounds(block);
      expect(regions.some((region) => overlap(region, around) >= 0.8 * region.width * region.height)).toBe(true);
    }
  });

  it('reports an article whose text is not on the page as not located, even one that shares most of its text with one that is', () => {
    for (const article of NOT_PRINTED) {
      const location = byId.get(article.id)!;
      expect(location.located, JSON.stringify(location)).toBe(false);
      if (!location.located) expect(location.reason).toMatch(/版面 PDF/);
    }
  });

  it('gives no two articles regions that overlap by more than 5% of the smaller', () => {
    const all = locations.flatMap((location) => (location.located ? location.regions.map((region) => ({ id: location.id, region })) : []));
    for (const a of all) {
      for (const b of all) {
        if (a.id >= b.id) continue;
        const smaller = Math.min(a.region.width * a.region.height, b.region.width * b.region.height);
        expect(overlap(a.region, b.region), `${a.id} and ${b.id}`).toBeLessThanOrEqual(0.05 * smaller);
      }
    }
  });
});

/**
 * A one-page PDF whose text is set in a font the PDF does not embed, encoded with a predefined Chinese CMap
 * (UniGB-UCS2-H, as older typesetting systems export): its text can be read only with pdfjs's CMap files.
 */
function pdfWithPredefinedCMap(text: string): Uint8Array {
  const hex = [...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 24 Tf 72 700 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

describe('reading a page PDF', () => {
  it('reads text encoded with a predefined Chinese CMap, placed from the page’s top-left', async () => {
    const page = await readPdfPageText(pdfWithPredefinedCMap('中原新闻第五版'));
    expect(page).toMatchObject({ width: 595, height: 842, pageCount: 1 });
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    expect(item!.text).toBe('中原新闻第五版');
    // Baseline 700 points up from the bottom; the 24-point glyphs reach 0.88 of their size above it.
    expect(item!.x).toBeCloseTo(72, 3);
    expect(item!.y).toBeCloseTo(842 - 700 - 24 * 0.88, 3);
    expect(item!.width).toBeCloseTo(7 * 24, 3);
    expect(item!.height).toBeCloseTo(24, 3);
  });

  it('says a Git LFS pointer is one, and how to fetch the PDF', async () => {
    const pointer = new TextEncoder().encode('version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 1843201\n');
    await expect(readPdfPageText(pointer)).rejects.toThrow('是 Git LFS 指针文件，PDF 本身尚未取回：请运行 git lfs pull');
  });

  it('says bytes that are not a PDF are not one, and a page the PDF does not have is not there', async () => {
    await expect(readPdfPageText(new TextEncoder().encode('<html>中原新闻</html>'))).rejects.toThrow(/不是 PDF/);
    await expect(readPdfPageText(new Uint8Array(typeset.pdf), 2)).rejects.toThrow('PDF 只有 1 页，没有第 2 页');
  });

  it('says a damaged PDF cannot be read', async () => {
    await expect(readPdfPageText(new Uint8Array(typeset.pdf.subarray(0, 2000)))).rejects.toThrow(/无法读取这个 PDF/);
  });
});
