/**
 * The e-paper's printed pages through import and build (what the reader sees is tests/epaper, on the `epaper`
 * test site): two 版 typeset by Chromium and imported with their PDFs (tests/helpers/epaper-archive.ts) — every
 * article located, the PDF kept byte for byte, the page file written — then built: both pages rasterised. A new
 * edition, built with the cache of the last build, rasterises only its page. An editor's corrected region
 * survives a new import of its page; a withdrawn page's pictures leave the cache. With the page PDFs moved out of the repository (EDITIONS_DIR), the site is
 * the same.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EPAPER_EDITION, importPage, pagePdf, seedPages, writeEpaperArchive } from '../helpers/epaper-archive.ts';
import { temporaryArchive } from '../helpers/archive.ts';
import { scratchDir } from '../helpers/scratch.ts';

const work = scratchDir('epaper');

it('imports pages with their PDFs, rasterises each page once, keeps corrected regions, and reads the PDFs from anywhere', async () => {
  const archive = temporaryArchive(work, { from: [] });
  const { pdfs, report, draft } = await writeEpaperArchive(archive.dir, work);
  expect(report.match(/已在版面上找到/g)).toHaveLength(3);
  expect(report).not.toContain('未能在版面上找到');
  expect(archive.read(draft)).toContain('draft: true');
  const pageOne = join(archive.root, 'editions/2024/05-07/1.yaml');
  expect(readFileSync(pageOne, 'utf8')).toMatch(/regions:\n\s+- \[\d/);
  expect(readFileSync(join(archive.root, 'editions/2024/05-07/1.pdf')).equals(readFileSync(pdfs[0]))).toBe(true);

  const site = await archive.build('site');
  expect(site.ok, site.output.slice(-3000)).toBe(true);
  expect(site.output).toContain('2 个版面，新绘制 2 个版面图');
  expect(site.html()).toEqual(expect.arrayContaining(['editions/2024/05-07/1/index.html', 'editions/2024/05-07/2/index.html']));

  // A new edition, built with the cache of the last build: only its page is rasterised.
  const next = readFileSync('tests/fixtures/print-edition-2.txt', 'utf8');
  const nextPdf = join(work, 'page3.pdf');
  writeFileSync(nextPdf, await pagePdf(next, '2025-01-02', '第5版'));
  importPage(archive.dir, next, '2025-01-02', '5', nextPdf);
  const again = await archive.build('site');
  expect(again.ok, again.output.slice(-3000)).toBe(true);
  expect(again.output).toContain('3 个版面，新绘制 1 个版面图');

  // The page PDFs kept outside the repository (EDITIONS_DIR): the same site.
  const elsewhere = join(work, 'pdf-archive');
  renameSync(join(archive.root, 'editions'), elsewhere);
  const moved = await archive.build('moved', { EDITIONS_DIR: elsewhere });
  expect(moved.ok, moved.output.slice(-3000)).toBe(true);
  const epaperFiles = (built: typeof moved) => readdirSync(join(built.outDir, '_epaper')).sort();
  expect(epaperFiles(moved)).toEqual(epaperFiles(again));
  expect(moved.read('editions/2024/05-07/1/index.html')).toBe(again.read('editions/2024/05-07/1/index.html'));
  renameSync(elsewhere, join(archive.root, 'editions'));

  // A withdrawn page: its pictures leave the cache, the others stay and are not rendered again.
  const cachedSets = () => readdirSync(join(archive.root, 'site/cache/page-images')).flatMap((shard) => readdirSync(join(archive.root, 'site/cache/page-images', shard)));
  expect(cachedSets()).toHaveLength(3);
  const editions = join(archive.root, 'editions');
  renameSync(join(editions, '2025'), join(work, 'withdrawn-2025'));
  const withdrawn = await archive.build('site');
  expect(withdrawn.ok, withdrawn.output.slice(-3000)).toBe(true);
  expect(withdrawn.output).toContain('2 个版面，新绘制 0 个版面图');
  expect(cachedSets()).toHaveLength(2);
  renameSync(join(work, 'withdrawn-2025'), join(editions, '2025'));

  // An editor's region (corrected: true) survives a new import of its page; the others are located again.
  // The first article's first rectangle, drawn 10 points narrower by hand.
  let drawn = '';
  const corrected = readFileSync(pageOne, 'utf8').replace(/(- id: [^\n]+\n)(\s+)regions:\n\s+- \[([^\]]+)\]/u, (_match, id: string, indent: string, rect: string) => {
    const [x, y, width, height] = rect.split(', ').map(Number);
    drawn = `[${x}, ${y}, ${Math.round(width! - 10)}, ${height}]`;
    return `${id}${indent}corrected: true\n${indent}regions:\n${indent}  - ${drawn}`;
  });
  expect(drawn).not.toBe('');
  writeFileSync(pageOne, corrected);
  const reimported = importPage(archive.dir, seedPages()[0], EPAPER_EDITION, '1', pdfs[0], ['--force']);
  expect(reimported).toContain('保留了手工修改的热区');
  const afterImport = readFileSync(pageOne, 'utf8');
  expect(afterImport).toContain('corrected: true');
  expect(afterImport).toContain(drawn);
  expect(afterImport.match(/- id: /g)).toHaveLength(2);
}, 300_000);
