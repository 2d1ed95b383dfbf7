/**
 * The printed page's pictures (src/epaper/page-images.ts), from real PDFs: Chromium prints an A3 page of
 * Chinese headlines and columns, pdfjs rasterises it, sharp encodes it; the cache is a temporary directory.
 * Renders are counted by the module's own counter and by the files' modification times.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedPageImages, PAGE_IMAGE_FORMATS, PAGE_IMAGE_WIDTHS, pageImages, pageRenderCount, type PageImageSet } from '../../src/epaper/page-images.ts';
import { chromiumPath } from '../chromium.ts';

const A3 = { width: 297, height: 420 }; // mm
const MM_TO_POINTS = 72 / 25.4;
/** Where the page puts things, in mm from the top left: the headline's box, and a strip of the right margin kept empty. */
const HEADLINE = { left: 12, top: 34, width: 270, height: 20 };
const MARGIN = { left: 287, top: 34, width: 8, height: 370 };
const BODY = { left: 12, top: 80, width: 270, height: 300 };

const paragraph = '本报讯（记者 李明）昨日，市政府召开新闻发布会，介绍今年以来全市经济运行情况。据介绍，前三季度全市地区生产总值同比增长百分之五点八，规模以上工业增加值增长百分之六点二。';

/** An A3 page as a newsroom prints it: masthead, headline, five columns of 9.5 pt text; `pages` sheets of it. */
function pageHtml(headline: string, pages = 1): string {
  const sheet = `<section style="position:relative;width:${A3.width}mm;height:${A3.height}mm;overflow:hidden;page-break-after:always">
<div style="position:absolute;left:12mm;top:8mm;font:900 48pt 'Noto Sans CJK SC';color:#b00000">中原日报</div>
<div style="position:absolute;left:12mm;top:30mm;width:273mm;border-top:2pt solid #b00000"></div>
<h1 style="position:absolute;left:${HEADLINE.left}mm;top:${HEADLINE.top}mm;width:${HEADLINE.width}mm;margin:0;font:900 34pt/1.2 'Noto Sans CJK SC';white-space:nowrap;overflow:hidden">${headline}</h1>
<div style="position:absolute;left:${BODY.left}mm;top:${BODY.top}mm;width:${BODY.width}mm;height:${BODY.height}mm;overflow:hidden;column-count:5;column-gap:5mm;font:9.5pt/1.5 'Noto Serif CJK SC';text-align:justify">
${Array.from({ length: 30 }, (_, index) => `<h2 style="font:700 16pt 'Noto Sans CJK SC';margin:2mm 0">第${index + 1}条 城乡建设提速</h2><p style="margin:0;text-indent:2em">${paragraph.repeat(3)}</p>`).join('')}
</div></section>`;
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>@page{margin:0}body{margin:0}</style>${sheet.repeat(pages)}`;
}

let work: string;
let page: Uint8Array;
let changedPage: Uint8Array;
let twoPages: Uint8Array;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'news-page-images-'));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  try {
    const tab = await browser.newPage();
    const print = async (html: string) => {
      await tab.setContent(html);
      return new Uint8Array(await tab.pdf({ width: `${A3.width}mm`, height: `${A3.height}mm`, printBackground: true }));
    };
    page = await print(pageHtml('全市经济运行稳中向好 前三季度增长百分之五点八'));
    changedPage = await print(pageHtml('秋粮收购全面展开 农民售粮不出村'));
    twoPages = await print(pageHtml('两版误合为一个文件', 2));
  } finally {
    await browser.close();
  }
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The mean brightness (0 black – 255 white) of a box of the page given in mm, and its darkest pixel. */
async function brightness(file: string, box: { left: number; top: number; width: number; height: number }) {
  const { width, height } = await sharp(file).metadata();
  const scale = width / A3.width;
  const region = { left: Math.round(box.left * scale), top: Math.round(box.top * scale), width: Math.round(box.width * scale), height: Math.round(box.height * scale) };
  expect(region.top + region.height).toBeLessThanOrEqual(height);
  // Counted from the pixels: sharp's stats() would read the whole image, not the extracted box.
  const pixels = await sharp(file).extract(region).greyscale().raw().toBuffer();
  return { mean: pixels.reduce((sum, value) => sum + value, 0) / pixels.length, min: pixels.reduce((least, value) => Math.min(least, value), 255) };
}

/** Each file's modification time, to tell a file written again from one left alone. */
const modified = (set: PageImageSet) => [...set.images.map((image) => image.file), join(dirname(set.images[0]!.file), 'set.json')].map((file) => statSync(file, { bigint: true }).mtimeNs);

describe('the printed page’s pictures', () => {
  let first: PageImageSet & { rendered: boolean };

  it('are every width in AVIF and WebP, in the page’s proportions, named by content', async () => {
    const before = pageRenderCount();
    first = await pageImages(page, { cacheDir: work, source: '2024-10-18/A01.pdf' });
    expect(first.rendered).toBe(true);
    expect(pageRenderCount()).toBe(before + 1);
    // Chromium writes the page's size in whole hundredths of a point, rounded its own way: within a point.
    expect(Math.abs(first.pageWidth - A3.width * MM_TO_POINTS)).toBeLessThan(1);
    expect(Math.abs(first.pageHeight - A3.height * MM_TO_POINTS)).toBeLessThan(1);
    expect(first.images.map(({ width, format }) => `${width}.${format}`)).toEqual(PAGE_IMAGE_WIDTHS.flatMap((width) => PAGE_IMAGE_FORMATS.map((format) => `${width}.${format}`)));
    for (const image of first.images) {
      const metadata = await sharp(image.file).metadata();
      expect({ width: metadata.width, height: metadata.height, format: metadata.format, alpha: metadata.hasAlpha }).toEqual({
        width: image.width,
        height: image.height,
        format: image.format === 'avif' ? 'heif' : 'webp',
        alpha: false,
      });
      expect(Math.abs(image.height - (image.width * first.pageHeight) / first.pageWidth)).toBeLessThanOrEqual(0.5);
      expect(image.name).toBe(`${first.digest.slice(0, 16)}-${image.name.split('-')[1]}-${image.width}.${image.format}`);
      expect(image.file.startsWith(join(work, 'page-images', first.digest.slice(0, 2), first.digest))).toBe(true);
    }
    expect(new Set(first.images.map((image) => image.name)).size).toBe(first.images.length);
  });

  it('show the page: the Chinese headline and columns are dark, the margin is white', async () => {
    for (const image of first.images) {
      const headline = await brightness(image.file, HEADLINE);
      const body = await brightness(image.file, BODY);
      const margin = await brightness(image.file, MARGIN);
      expect(margin.mean, `${image.width}.${image.format} margin`).toBeGreaterThan(252);
      expect(headline.min, `${image.width}.${image.format} headline`).toBeLessThan(60);
      expect(headline.mean, `${image.width}.${image.format} headline`).toBeLessThan(margin.mean - 40);
      expect(body.mean, `${image.width}.${image.format} columns`).toBeLessThan(margin.mean - 25);
    }
  });

  it('are not rendered again for the same bytes: the cached set is returned and no file is written', async () => {
    const before = pageRenderCount();
    const times = modified(first);
    const again = await pageImages(new Uint8Array(page), { cacheDir: work, source: '2024-10-18/A01.pdf' });
    expect(again.rendered).toBe(false);
    expect(pageRenderCount()).toBe(before);
    expect(modified(again)).toEqual(times);
    const { rendered, ...set } = again;
    expect(set).toEqual(Object.fromEntries(Object.entries(first).filter(([key]) => key !== 'rendered')));
    // By digest alone, as a build that has not read the PDF asks.
    expect(await cachedPageImages(first.digest, { cacheDir: work })).toEqual(set);
    expect(await cachedPageImages('0'.repeat(64), { cacheDir: work })).toBeUndefined();
    expect(modified(again)).toEqual(times);
  });

  it('are rendered again for a changed PDF, under new names', async () => {
    const before = pageRenderCount();
    const changed = await pageImages(changedPage, { cacheDir: work, source: '2024-10-18/A01.pdf' });
    expect(changed.rendered).toBe(true);
    expect(pageRenderCount()).toBe(before + 1);
    expect(changed.digest).not.toBe(first.digest);
    expect(changed.images.map((image) => image.name).some((name) => first.images.some((old) => old.name === name))).toBe(false);
  });

  it('are rendered again when a set was left without its list (a build stopped half-way)', async () => {
    const list = join(dirname(first.images[0]!.file), 'set.json');
    unlinkSync(list);
    expect(await cachedPageImages(first.digest, { cacheDir: work })).toBeUndefined();
    const before = pageRenderCount();
    const again = await pageImages(page, { cacheDir: work });
    expect(again.rendered).toBe(true);
    expect(pageRenderCount()).toBe(before + 1);
    expect(statSync(list).size).toBeGreaterThan(0);
    expect((await pageImages(page, { cacheDir: work })).rendered).toBe(false);
  });

  it('say in Chinese, naming the file, when it is a Git LFS pointer, not a PDF, or more than one 版', async () => {
    const before = pageRenderCount();
    const pointer = new TextEncoder().encode('version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n');
    await expect(pageImages(pointer, { cacheDir: work, source: '2024-10-18/A02.pdf' })).rejects.toThrow(
      '2024-10-18/A02.pdf 是 Git LFS 指针文件，PDF 本身尚未取回：请运行 git lfs pull（或 git lfs fetch && git lfs checkout）',
    );
    const html = new TextEncoder().encode('<!doctype html><title>A03</title>');
    await expect(pageImages(html, { cacheDir: work, source: '2024-10-18/A03.pdf' })).rejects.toThrow('2024-10-18/A03.pdf 不是 PDF 文件');
    await expect(pageImages(new Uint8Array(), { cacheDir: work, source: '2024-10-18/A04.pdf' })).rejects.toThrow('2024-10-18/A04.pdf 是空文件');
    const broken = new TextEncoder().encode('%PDF-1.7\n这不是一个完整的 PDF\n');
    await expect(pageImages(broken, { cacheDir: work, source: '2024-10-18/A05.pdf' })).rejects.toThrow('2024-10-18/A05.pdf 无法作为 PDF 读取');
    await expect(pageImages(twoPages, { cacheDir: work, source: '2024-10-18/A06.pdf' })).rejects.toThrow('2024-10-18/A06.pdf 有 2 页；每个 PDF 应只含一版（一页）');
    expect(pageRenderCount()).toBe(before);
  });
});
