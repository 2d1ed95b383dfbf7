/**
 * The e-paper with printed pages, end to end: the real seed page split into two 版, each typeset into a page PDF
 * by Chromium (tests/helpers/typeset-page.ts), imported with `npm run import -- … --pdf`, published (one article
 * left a draft), built, and read in Chromium — the 版 page shows the picture, each published article's region is
 * a link reachable with Tab and outlined on focus, a draft's region is neither a link nor named, the PDF link
 * downloads the imported PDF byte for byte, 上一版/下一版 move between the pages, the calendar links the edition's
 * day, axe finds nothing and Lighthouse's accessibility score is 100. Then a new edition is imported and the site built again with its cache: only the new
 * page is rasterised; and with the page PDFs moved out of the repository (EDITIONS_DIR) the site is the same.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect as expectPage, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePrintEdition } from '../../src/lib/article/print-edition.ts';
import { listArticleFiles } from '../../src/lib/archive/source.ts';
import { browseBuiltSite, chromiumPath } from '../chromium.ts';
import { siteEnv, ZHONGYUAN } from '../fixtures/sites.ts';
import { temporaryArchive } from '../helpers/archive.ts';
import { scratchDir } from '../helpers/scratch.ts';
import { typesetPage, type TypesetArticle } from '../helpers/typeset-page.ts';

const work = scratchDir('epaper');
const SEED = readFileSync('tests/fixtures/seed-print-page.txt', 'utf8');
const EDITION = '2024-05-07';

/** The seed page's text split before its third article: two 版 of one edition. */
function seedPages(): [string, string] {
  const parsed = parsePrintEdition(SEED, EDITION);
  if (!parsed.ok) throw new Error('the seed page does not parse');
  const lines = SEED.split('\n');
  const third = parsed.articles[2]!.line - 1;
  return [lines.slice(0, third).join('\n'), lines.slice(third).join('\n')];
}

/** A page PDF of a print text's articles, as a layout system would send it: blocks on a grid, the first in three columns. */
async function pagePdf(text: string, date: string, label: string): Promise<Buffer> {
  const parsed = parsePrintEdition(text, date);
  if (!parsed.ok) throw new Error('the print text does not parse');
  const areas = ['a', 'b', 'c'];
  const articles: TypesetArticle[] = parsed.articles.map((article, index) => ({ id: `a${index}`, title: article.title, paragraphs: article.paragraphs, area: areas[index]!, columns: index === 0 ? 3 : 2 }));
  const grid = articles.length === 1 ? { areas: ['a'], columns: '1fr' } : { areas: ['a a', 'b c'], columns: '1fr 1fr' };
  const page = await typesetPage(articles, { header: ['中原新闻', label, date], grid });
  return page.pdf;
}

function runImport(archiveDir: string, text: string, date: string, page: string, pdf: string, extra: string[] = []): string {
  const textFile = join(work, `${date}-${page}.txt`);
  writeFileSync(textFile, text);
  return execFileSync(process.execPath, ['src/cli/import.ts', textFile, '--date', date, '--page', page, '--pdf', pdf, '--out', archiveDir, ...extra], { encoding: 'utf8', env: { ...process.env, ...siteEnv(ZHONGYUAN, archiveDir) } });
}

async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

it('shows each 版 as printed, its articles clickable on the page, and rasterises only new pages', async () => {
  const archive = temporaryArchive(work, { from: [] });
  const [first, second] = seedPages();
  const pdfs = [join(work, 'page1.pdf'), join(work, 'page2.pdf')];
  writeFileSync(pdfs[0]!, await pagePdf(first, EDITION, '第1版'));
  writeFileSync(pdfs[1]!, await pagePdf(second, EDITION, '第2版'));
  const report = runImport(archive.dir, first, EDITION, '1', pdfs[0]!) + runImport(archive.dir, second, EDITION, '2', pdfs[1]!);
  expect(report.match(/已在版面上找到/g)).toHaveLength(3);
  expect(report).not.toContain('未能在版面上找到');
  const pageFile = readFileSync(join(archive.root, 'editions/2024/05-07/1.yaml'), 'utf8');
  expect(pageFile).toMatch(/regions:\n\s+- \[\d/);
  expect(readFileSync(join(archive.root, 'editions/2024/05-07/1.pdf')).equals(readFileSync(pdfs[0]!))).toBe(true);

  // Published as an editor does, except the second article of page 1, left a draft.
  const files = listArticleFiles(archive.dir);
  expect(files).toHaveLength(3);
  const frontmatter = (file: string) => parse(/^---\n([\s\S]*?)\n---/.exec(archive.read(file))![1]!) as { title: string; source: { page: string; order: number } };
  const titles = new Map(files.map((file) => [file, frontmatter(file).title]));
  const onPage = (page: string, order: number) => files.find((file) => String(frontmatter(file).source.page) === page && frontmatter(file).source.order === order)!;
  const draft = onPage('1', 2);
  expect(draft).toBeDefined();
  for (const file of files) if (file !== draft) archive.edit(file, (text) => text.replace('draft: true\n', 'column: 民生社会\n'));

  const site = await archive.build('site');
  expect(site.ok, site.output.slice(-3000)).toBe(true);
  expect(site.output).toContain('新绘制 2 个版面图');

  await browseBuiltSite(site.env, async (page, origin) => {
    await page.goto(`${origin}/editions/2024/05-07/1/`);
    await expectPage(page.locator('h1')).toHaveText('2024年5月7日第1版');
    const picture = page.locator('.printed-page__image');
    await expectPage(picture).toBeVisible();
    expect(await picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(400);
    // The published article's region is a link named by its headline; the draft's is neither.
    const regions = page.locator('a.printed-page__region');
    await expectPage(regions).toHaveCount(1);
    const publishedTitle = titles.get(onPage('1', 1))!;
    await expectPage(regions.first()).toHaveAccessibleName(publishedTitle);
    await expectPage(page.locator('.printed-page__region--unpublished')).toHaveCount(1);
    expect(await page.locator('.printed-page__regions').textContent()).not.toContain(titles.get(draft)!);
    // Reachable with Tab, and outlined when focused.
    await tabTo(page, 'a.printed-page__region');
    const stroke = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('rect')!).stroke);
    expect(stroke).not.toBe('none');
    expect(stroke).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

    // Lighthouse's accessibility audit (its default mobile settings), as `npm run audit` runs it.
    const chrome = await launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    try {
      const audit = await lighthouse(`${origin}/editions/2024/05-07/1/`, { port: chrome.port, logLevel: 'error', onlyCategories: ['accessibility'] });
      const failing = Object.values(audit!.lhr.audits).filter((item) => item.score !== null && item.score < 1 && item.scoreDisplayMode === 'binary');
      expect(failing.map((item) => item.id)).toEqual([]);
      expect(audit!.lhr.categories.accessibility!.score).toBe(1);
    } finally {
      chrome.kill();
    }

    // The page's PDF, byte for byte, offered under a name that says what it is.
    const pdfLink = page.getByRole('link', { name: /下载本版 PDF/ });
    expect(await pdfLink.getAttribute('download')).toBe('中原新闻2024年5月7日第1版.pdf');
    const served = await page.request.get(new URL((await pdfLink.getAttribute('href'))!, page.url()).href);
    expect(served.headers()['content-type']).toContain('pdf');
    expect(Buffer.from(await served.body()).equals(readFileSync(pdfs[0]!))).toBe(true);

    // 下一版 and 上一版.
    await page.getByRole('link', { name: /下一版/ }).click();
    expect(new URL(page.url()).pathname).toBe('/editions/2024/05-07/2/');
    await expectPage(page.locator('.edition-nav__pages [aria-current="page"]')).toHaveText('第2版');
    await page.getByRole('link', { name: /上一版/ }).click();
    expect(new URL(page.url()).pathname).toBe('/editions/2024/05-07/1/');

    // The region opens its article, whose “刊于…” comes back to the page with the region marked.
    await page.locator('a.printed-page__region').click();
    await expectPage(page.locator('h1')).toHaveText(publishedTitle);
    await page.locator('.article__printed a').click();
    expect(new URL(page.url()).pathname).toBe('/editions/2024/05-07/1/');
    expect(new URL(page.url()).hash).toMatch(/^#article-2024-05-/);
    expect(await page.evaluate(() => document.querySelector(':target')?.classList.contains('printed-page__region'))).toBe(true);

    // 往期: the year's calendar links the edition's day.
    await page.goto(`${origin}/editions/2024/`);
    await page.locator('.edition-calendar').getByRole('link', { name: '2024年5月7日' }).click();
    expect(new URL(page.url()).pathname).toBe('/editions/2024/05-07/');
  });

  // A new edition, built with the cache of the last build: only its page is rasterised.
  const next = readFileSync('tests/fixtures/print-edition-2.txt', 'utf8');
  const nextPdf = join(work, 'page3.pdf');
  writeFileSync(nextPdf, await pagePdf(next, '2025-01-02', '第5版'));
  runImport(archive.dir, next, '2025-01-02', '5', nextPdf);
  const again = await archive.build('site');
  expect(again.ok, again.output.slice(-3000)).toBe(true);
  expect(again.output).toContain('3 个版面，新绘制 1 个版面图');

  // An editor's region (corrected: true) survives a new import of its page; the others are located again.
  const pageOne = join(archive.root, 'editions/2024/05-07/1.yaml');
  // The first article's first rectangle drawn 10 points narrower by hand.
  let drawn = '';
  const corrected = readFileSync(pageOne, 'utf8').replace(/(- id: [^\n]+\n)(\s+)regions:\n\s+- \[([^\]]+)\]/u, (_match, id: string, indent: string, rect: string) => {
    const [x, y, width, height] = rect.split(', ').map(Number);
    drawn = `[${x}, ${y}, ${Math.round(width! - 10)}, ${height}]`;
    return `${id}${indent}corrected: true\n${indent}regions:\n${indent}  - ${drawn}`;
  });
  expect(drawn).not.toBe('');
  writeFileSync(pageOne, corrected);
  const reimported = runImport(archive.dir, first, EDITION, '1', pdfs[0]!, ['--force']);
  expect(reimported).toContain('保留了手工修改的热区');
  const afterImport = readFileSync(pageOne, 'utf8');
  expect(afterImport).toContain('corrected: true');
  expect(afterImport).toContain(drawn);
  expect(afterImport.match(/- id: /g)).toHaveLength(2);

  // The page PDFs kept outside the repository (EDITIONS_DIR): the same site.
  const elsewhere = join(work, 'pdf-archive');
  renameSync(join(archive.root, 'editions'), elsewhere);
  const moved = await archive.build('moved', { EDITIONS_DIR: elsewhere });
  expect(moved.ok, moved.output.slice(-3000)).toBe(true);
  const epaperFiles = (site: typeof moved) => readdirSync(join(site.outDir, '_epaper')).sort();
  expect(epaperFiles(moved)).toEqual(epaperFiles(again));
  expect(moved.read('editions/2025/01-02/5/index.html')).toBe(again.read('editions/2025/01-02/5/index.html'));
}, 300_000);
