/**
 * `npm run check [-- --fix] [--content-only]`: the type check (astro check), then the content lint of every
 * article (lib/article/lint.ts) with file:line:column messages. Exits non-zero on any error; warnings do not fail.
 * In GitHub Actions (GITHUB_ACTIONS=true; Forgejo Actions sets it too) each problem is also an annotation, which
 * GitHub shows on the pull request at the article's line: what the web editor's reviewers see (.github/workflows/review.yml).
 * --fix changes only what it reports as fixable (half-width punctuation between Chinese characters), writing
 * each file atomically.
 */
import { spawnSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildSettings, runCommand } from '../settings.ts';
import { articleRenderer } from '../markdown.ts';
import { listArticleFiles, readArticle, renderArticle } from '../lib/archive/source.ts';
import { articleFileNameProblems } from '../lib/article/id.ts';
import { displayPath } from '../lib/display-path.ts';
import { applyFixes, formatLintProblem, lintAnnotation, lintArchive, lintError, type LintFile, type LintProblem } from '../lib/article/lint.ts';
import { byPlace } from '../lib/order.ts';

async function main(): Promise<void> {
  const { contentDir, site } = readBuildSettings();
  const { values } = parseArgs({
    options: { fix: { type: 'boolean', default: false }, 'content-only': { type: 'boolean', default: false } },
  });

  let failed = false;
  if (!values['content-only']) {
    const typecheck = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], { stdio: 'inherit' });
    failed = typecheck.status !== 0;
  }

  // The same files, read and rendered the same way, as the build: the archive's source (lib/archive/source.ts)
  // and the article pipeline (src/markdown.ts), which checks each body's HTML.
  const paths = listArticleFiles(contentDir);
  const problems: LintProblem[] = articleFileNameProblems(paths, (file) => displayPath(join(contentDir, file))).map((problem) => lintError(problem, 'file-name'));
  const files: (LintFile & { path: string })[] = [];
  for (const file of paths) {
    const read = readArticle(contentDir, file, { columns: site.columns, now: new Date(), checkPhotos: true, keepText: true });
    if ('problems' in read) {
      if (read.encoding) problems.push(...read.problems.map((problem) => lintError(problem, 'encoding')));
      else files.push({ path: join(contentDir, file), file: read.problems[0]!.file, source: '', options: { columns: site.columns }, result: { ok: false, problems: read.problems } });
      continue;
    }
    if (read.kept) continue; // not asked for: nothing is kept here
    const rendered = await renderArticle(read, articleRenderer);
    const result = rendered.ok ? { ok: true as const, data: read.data, raw: read.raw, body: read.body, bodyStartLine: read.bodyStartLine } : { ok: false as const, problems: rendered.problems };
    files.push({ path: read.path, file: read.shown, source: read.text ?? '', options: { columns: site.columns }, result });
  }
  problems.push(...lintArchive(files));

  if (values.fix) {
    for (const { path, file, source } of files) {
      const fixes = problems.filter((problem) => problem.file === file && problem.fix);
      if (fixes.length === 0) continue;
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, applyFixes(source, fixes));
      renameSync(temporary, path);
      console.log(`已修改 ${file}：${fixes.length} 处`);
    }
  }

  problems.sort(byPlace);
  const remaining = values.fix ? problems.filter((problem) => !problem.fix) : problems;
  for (const problem of remaining) (problem.severity === 'error' ? console.error : console.log)(formatLintProblem(problem));
  if (process.env.GITHUB_ACTIONS === 'true') for (const problem of remaining) console.log(lintAnnotation(problem));
  const errors = remaining.filter((problem) => problem.severity === 'error').length;
  console.log(`检查了 ${paths.length} 篇稿件：${errors} 个错误，${remaining.length - errors} 个警告${values.fix ? `，已修正 ${problems.length - remaining.length} 处` : ''}。`);
  process.exit(failed || errors > 0 ? 1 : 0);
}

if (import.meta.main) await runCommand(main);
