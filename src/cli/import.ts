/**
 * `npm run import -- <print-edition.txt> --date YYYY-MM-DD [--page N] [--dry-run] [--force] [--out DIR]`
 *
 * Splits the plain text of a printed page into articles (lib/article/print-edition.ts) and writes one Markdown file
 * each under YYYY/MM/ of the content directory (content/articles, or --out). With --page, each records where it was printed (source.edition,
 * source.page, source.order: the date, the 版次 and its place on the page), for the e-paper view. All or nothing: if any article fails to parse, or a target exists
 * (without --force), nothing is written. Prints what it wrote and what the editor should check.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildSettings, runCommand } from '../settings.ts';
import { listArticleFiles } from '../lib/archive/source.ts';
import { decodeArticleFile, formatArticleFile, parseArticleFile } from '../lib/article/file.ts';
import { articleIdFromPath } from '../lib/article/id.ts';
import { importedFrontmatter, parsePrintEdition } from '../lib/article/print-edition.ts';
import { displayPath } from '../lib/display-path.ts';
import { slugFor } from '../lib/article/slug.ts';

const USAGE = '用法：npm run import -- <版面文本.txt> --date YYYY-MM-DD [--page 版次] [--dry-run] [--force] [--out content/articles]';

function fail(lines: string[], code = 1): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

function main(): void {
  const { contentDir, site } = readBuildSettings();
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        page: { type: 'string' },
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

  for (const { article, path, content } of planned) {
    if (!args.values['dry-run']) writeAtomically(path, content);
    console.log(`${args.values['dry-run'] ? '将写入' : '已写入'} ${displayPath(path)}：${article.title}`);
    for (const note of article.notes) console.log(`  待核对：${note}`);
    console.log('  请选择栏目（column），补充标签（tags）和人物（people），再删除 draft: true。');
  }
  console.log(`${args.values['dry-run'] ? '试运行：共' : '共导入'} ${planned.length} 篇。`);
}

/** Write to a temporary file beside the target, then rename: a crash never leaves half an article. */
function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

if (import.meta.main) await runCommand(main);
