/**
 * `npm run import -- <print-edition.txt> --date YYYY-MM-DD [--page N [--pdf PAGE.pdf]] [--dry-run] [--force] [--out DIR]`
 *
 * Splits the plain text of a printed page into articles (lib/article/print-edition.ts) and writes one Markdown file
 * each under YYYY/MM/ of the content directory (content/articles, or --out). With --page, each records where it was printed (source.edition,
 * source.page, source.order: the date, the 版次 and its place on the page), for the e-paper view. All or nothing: if any article fails to parse, or a target exists
 * (without --force), nothing is written. Prints what it wrote and what the editor should check.
 *
 * With --pdf, the page's PDF is kept with the edition (editions/YYYY/MM-DD/<版次>.pdf beside the articles'
 * directory, or under EDITIONS_DIR) and each article is looked for in the PDF's text layer (lib/epaper/locate.ts): where it is found, its
 * region goes into the page file (<版次>.yaml, lib/epaper/page-file.ts); what is not found is reported, not
 * guessed. Importing a page again keeps the regions an editor corrected (corrected: true).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildSettings, runCommand } from '../settings.ts';
import { editionsDirOf, listArticleFiles } from '../lib/archive/source.ts';
import { notPdfReason } from '../lib/epaper/pdf-bytes.ts';
import { locateArticles } from '../lib/epaper/locate.ts';
import { formatPageFile, parsePageFile, regionProblems, type PrintedArticle } from '../lib/epaper/page-file.ts';
import { readPdfPageText } from '../epaper/pdf-text.ts';
import { editionLabel, pageLabel } from '../lib/archive/editions.ts';
import { decodeArticleFile, formatArticleFile, formatProblem, parseArticleFile } from '../lib/article/file.ts';
import { articleIdFromPath } from '../lib/article/id.ts';
import { importedFrontmatter, parsePrintEdition } from '../lib/article/print-edition.ts';
import { displayPath } from '../lib/display-path.ts';
import { slugFor } from '../lib/article/slug.ts';

const USAGE = '用法：npm run import -- <版面文本.txt> --date YYYY-MM-DD [--page 版次 [--pdf 版面.pdf]] [--dry-run] [--force] [--out content/articles]';

function fail(lines: string[], code = 1): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

async function main(): Promise<void> {
  const { contentDir, editionsDir, site } = readBuildSettings();
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        page: { type: 'string' },
        pdf: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        out: { type: 'string', default: displayPath(contentDir) },
      },
    });
  } catch (error) {
    fail([(error as Error).message, USAGE], 2);
  }
  const [file] = args.positionals;
  const { date, out } = args.values;
  if (!file || !date || args.positionals.length > 1) fail([USAGE], 2);
  // 第5版 as printed is page 5.
  const page = args.values.page?.trim().replace(/^第(\d+)版$/u, '$1');
  if (page !== undefined && !/^(?:\d{1,3}|\p{Script=Han}{1,6})$/u.test(page)) fail([`版次“${args.values.page}”应为数字（如 5、05 或 第5版）或版名（如 要闻）`, USAGE], 2);
  if (!existsSync(file)) fail([`${file}: 文件不存在`]);
  const pdf = args.values.pdf;
  if (pdf !== undefined && page === undefined) fail(['--pdf 需要同时用 --page 说明这是第几版', USAGE], 2);
  if (pdf !== undefined && !existsSync(pdf)) fail([`${pdf}: 文件不存在`]);

  // UTF-8 only, read as articles are: a wrongly encoded file (GBK from an old system) would import as garbage.
  const decoded = decodeArticleFile(readFileSync(file), file);
  if (!decoded.ok) fail([...decoded.problems.map((problem) => `${file}:${problem.line}: ${problem.message}`), '没有写入任何文件。']);
  const text = decoded.source.replace(/^\uFEFF/, '');
  const parsed = parsePrintEdition(text, date);
  if (!parsed.ok) fail([...parsed.problems.map((problem) => `${file}:${problem.line}: ${problem.message}`), '没有写入任何文件。']);

  // Plan every file first; write only when every one is good.
  const taken = new Set<string>();
  const planned = parsed.articles.map((article, index) => {
    const [year, month] = article.date.split('-');
    const slug = slugFor(article.title, taken);
    taken.add(slug);
    const path = join(out, year!, month!, `${slug}.md`);
    const printed = page === undefined ? undefined : { edition: date, page, order: index + 1 };
    const content = formatArticleFile(importedFrontmatter(article, basename(file), printed), article.paragraphs);
    return { article, path, content };
  });
  // The archive as the build lists it (lib/archive/source.ts): a new file at an article's URL collides with it,
  // whatever its file is called (the same URL, another file).
  const existing = new Map(listArticleFiles(out).map((existingFile) => [articleIdFromPath(existingFile), join(out, existingFile)]));
  const problems = planned.flatMap(({ article, path, content }) => {
    const check = parseArticleFile(content, path, { columns: site.columns });
    if (!check.ok) return check.problems.map((problem) => `${file}:${article.line}: 生成的稿件不合格式（${problem.field}：${problem.message}）`);
    const taken = existing.get(articleIdFromPath(relative(out, path).split(sep).join('/')));
    if (taken && !args.values.force) return [`${file}:${article.line}: ${displayPath(taken)} 已存在；确认要覆盖请加 --force`];
    return [];
  });
  if (problems.length > 0) fail([...problems, '没有写入任何文件。']);

  // The printed page: where each article is on it, found before anything is written.
  const printedPage = pdf === undefined ? undefined : await planPrintedPage(pdf, process.env.EDITIONS_DIR || resolve(out) === contentDir ? editionsDir : editionsDirOf(resolve(out)), date, page!, planned.map(({ article, path }) => ({ id: articleIdFromPath(relative(out, path).split(sep).join('/')), title: article.title, paragraphs: article.paragraphs })));

  for (const { article, path, content } of planned) {
    if (!args.values['dry-run']) writeAtomically(path, content);
    console.log(`${args.values['dry-run'] ? '将写入' : '已写入'} ${displayPath(path)}：${article.title}`);
    for (const note of article.notes) console.log(`  待核对：${note}`);
    console.log('  请选择栏目（column），补充标签（tags）和人物（people），再删除 draft: true。');
  }
  console.log(`${args.values['dry-run'] ? '试运行：共' : '共导入'} ${planned.length} 篇。`);
  if (printedPage) {
    if (!args.values['dry-run']) {
      mkdirSync(dirname(printedPage.pdfPath), { recursive: true });
      const temporary = `${printedPage.pdfPath}.${process.pid}.tmp`;
      copyFileSync(pdf!, temporary);
      renameSync(temporary, printedPage.pdfPath);
      writeAtomically(printedPage.pagePath, printedPage.content);
    }
    console.log(`${args.values['dry-run'] ? '将写入' : '已写入'} ${displayPath(printedPage.pagePath)} 和版面 PDF ${displayPath(printedPage.pdfPath)}`);
    for (const line of printedPage.report) console.log(`  ${line}`);
  }
}

/**
 * The page file of a printed page: each article located in the PDF's text layer; regions an editor corrected in
 * an earlier import of this page kept. Stops the import (nothing written) when the PDF cannot be read.
 */
async function planPrintedPage(pdf: string, editionsDir: string, date: string, page: string, articles: { id: string; title: string; paragraphs: string[] }[]) {
  const bytes = readFileSync(pdf);
  const notPdf = notPdfReason(bytes);
  if (notPdf) fail([`${pdf}: ${notPdf}`, '没有写入任何文件。']);
  let text;
  try {
    // A copy: pdfjs takes a Uint8Array (not a Buffer) and may transfer it.
    text = await readPdfPageText(new Uint8Array(bytes));
  } catch (error) {
    fail([`${pdf}: ${error instanceof Error ? error.message : String(error)}`, '没有写入任何文件。']);
  }
  if (text.pageCount !== 1) fail([`${pdf}: 有 ${text.pageCount} 页；每个版面应单独一个 PDF（一版一个文件）`, '没有写入任何文件。']);
  const dir = join(editionsDir, date.slice(0, 4), date.slice(5));
  const pagePath = join(dir, `${page}.yaml`);
  const pdfName = `${page}.pdf`;
  // Regions corrected by hand in the page file are kept; so are the other articles of an earlier import.
  let earlier: PrintedArticle[] = [];
  if (existsSync(pagePath)) {
    const parsed = parsePageFile(readFileSync(pagePath, 'utf8'), relative(editionsDir, pagePath).split(sep).join('/'), displayPath(pagePath));
    if (!parsed.ok) fail([...parsed.problems.map(formatProblem), '请先改正本版已有的版面文件；没有写入任何文件。']);
    earlier = parsed.page.articles;
  }
  const corrected = new Map(earlier.filter((article) => article.corrected).map((article) => [article.id, article]));
  // Every article is looked for, the corrected ones too: left out, their text would be free for a neighbour to claim.
  const locations = locateArticles(text, articles).filter((location) => !corrected.has(location.id));
  const imported = new Set(articles.map((article) => article.id));
  const printed: PrintedArticle[] = [
    ...earlier.filter((article) => article.corrected || !imported.has(article.id)),
    ...locations.flatMap((location) => (location.located ? [{ id: location.id, regions: location.regions, corrected: false }] : [])),
  ];
  const unlocated = locations.flatMap((location) => (location.located ? [] : [{ id: location.id, reason: location.reason }]));
  const checked = regionProblems({ width: text.width, height: text.height, articles: printed });
  if (checked.length) fail([...checked.map((problem) => `${displayPath(pagePath)} ${problem.path.join('.')}：${problem.message}`), '没有写入任何文件。']);
  const content = formatPageFile({ pdf: pdfName, width: text.width, height: text.height, articles: printed, unlocated }, `${editionLabel(date)}${pageLabel(page)}`);
  const report = [
    ...locations.map((location) => (location.located ? `已在版面上找到 ${location.id}（${location.regions.length} 块）` : `未能在版面上找到 ${location.id}：${location.reason}。请在 ${displayPath(pagePath)} 中手工写出热区`)),
    ...[...corrected.keys()].map((id) => `保留了手工修改的热区：${id}`),
  ];
  return { pagePath, pdfPath: join(dir, pdfName), content, report };
}

/** Write to a temporary file beside the target, then rename: a crash never leaves half an article. */
function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

if (import.meta.main) await runCommand(main);
