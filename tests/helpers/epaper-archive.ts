/**
 * An archive with printed pages, made as a newsroom makes one: the real seed page's text split into two 版 of one
 * edition (2024-05-07), each typeset into a page PDF by Chromium (typeset-page.ts), imported with
 * `npm run import -- … --pdf`, and published by editors except one article, left a draft (its region must show
 * no link and no headline). Used by the `epaper` test site (tests/sites.ts) and the e-paper build test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { parsePrintEdition } from '../../src/lib/article/print-edition.ts';
import { listArticleFiles } from '../../src/lib/archive/source.ts';
import { siteEnv, ZHONGYUAN } from '../fixtures/sites.ts';
import { typesetPage, type TypesetArticle } from './typeset-page.ts';

export const EPAPER_EDITION = '2024-05-07';
const SEED = readFileSync(new URL('../fixtures/seed-print-page.txt', import.meta.url), 'utf8');

/** The seed page's text split before its third article: two 版 of one edition. */
export function seedPages(): [string, string] {
  const parsed = parsePrintEdition(SEED, EPAPER_EDITION);
  if (!parsed.ok) throw new Error('the seed page does not parse');
  const lines = SEED.split('\n');
  const third = parsed.articles[2]!.line - 1;
  return [lines.slice(0, third).join('\n'), lines.slice(third).join('\n')];
}

/** A page PDF of a print text's articles, as a layout system sends it: blocks on a grid, the first in three columns. */
export async function pagePdf(text: string, date: string, label: string): Promise<Buffer> {
  const parsed = parsePrintEdition(text, date);
  if (!parsed.ok) throw new Error('the print text does not parse');
  const areas = ['a', 'b', 'c'];
  const articles: TypesetArticle[] = parsed.articles.map((article, index) => ({ id: `a${index}`, title: article.title, paragraphs: article.paragraphs, area: areas[index]!, columns: index === 0 ? 3 : 2 }));
  const grid = articles.length === 1 ? { areas: ['a'], columns: '1fr' } : { areas: ['a a', 'b c'], columns: '1fr 1fr' };
  return (await typesetPage(articles, { header: ['中原新闻', label, date], grid })).pdf;
}

/** `npm run import -- TEXT --date D --page N --pdf PDF --out ARTICLES` with the text written beside the articles; its output. */
export function importPage(articlesDir: string, text: string, date: string, page: string, pdf: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): string {
  const textFile = join(dirname(articlesDir), `${date}-${page}.txt`);
  writeFileSync(textFile, text);
  return execFileSync(process.execPath, ['src/cli/import.ts', textFile, '--date', date, '--page', page, '--pdf', pdf, '--out', articlesDir, ...extra], {
    encoding: 'utf8',
    env: { ...process.env, ...siteEnv(ZHONGYUAN, articlesDir), ...env },
  });
}

export interface EpaperArchive {
  /** The two page PDFs as imported. */
  pdfs: [string, string];
  /** What the importer printed. */
  report: string;
  /** The article files (relative) by [page, order], and their titles. */
  fileAt(page: string, order: number): string;
  title(file: string): string;
  /** The one left a draft: page 1's second article. */
  draft: string;
}

/** Writes the archive into `articlesDir` (its editions go beside it) with the PDFs in `workDir`. */
export async function writeEpaperArchive(articlesDir: string, workDir = dirname(articlesDir)): Promise<EpaperArchive> {
  mkdirSync(articlesDir, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  const [first, second] = seedPages();
  const pdfs: [string, string] = [join(workDir, 'page1.pdf'), join(workDir, 'page2.pdf')];
  writeFileSync(pdfs[0], await pagePdf(first, EPAPER_EDITION, '第1版'));
  writeFileSync(pdfs[1], await pagePdf(second, EPAPER_EDITION, '第2版'));
  const report = importPage(articlesDir, first, EPAPER_EDITION, '1', pdfs[0]) + importPage(articlesDir, second, EPAPER_EDITION, '2', pdfs[1]);
  const read = (file: string) => readFileSync(join(articlesDir, file), 'utf8');
  const frontmatter = (file: string) => parse(/^---\n([\s\S]*?)\n---/.exec(read(file))![1]!) as { title: string; source: { page: string; order: number } };
  const files = listArticleFiles(articlesDir);
  const fileAt = (page: string, order: number) => {
    const found = files.find((file) => String(frontmatter(file).source.page) === page && frontmatter(file).source.order === order);
    if (!found) throw new Error(`no imported article at page ${page}, order ${order}`);
    return found;
  };
  const draft = fileAt('1', 2);
  // Published as an editor does (a column chosen, draft: true removed), except the draft.
  for (const file of files) if (file !== draft) writeFileSync(join(articlesDir, file), read(file).replace('draft: true\n', 'column: 民生社会\n'));
  return { pdfs, report, fileAt, title: (file) => frontmatter(file).title, draft };
}
