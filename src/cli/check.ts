/**
 * `npm run check [-- --fix] [--content-only]`: the type check (astro check), then the content lint of every
 * article (lib/lint.ts) with file:line:column messages. Exits non-zero on any error; warnings do not fail.
 * --fix changes only what it reports as fixable (half-width punctuation between Chinese characters), writing
 * each file atomically.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, site } from '../build-settings.ts';
import { listArticleFiles } from './article-files.ts';
import { articleFileNameProblems } from '../lib/article-id.ts';
import { decodeArticleFile } from '../lib/article-file.ts';
import { displayPath } from '../lib/display-path.ts';
import { photoFileProblem } from '../lib/image-type.ts';
import { applyFixes, formatLintProblem, lintArchive, lintError, type LintProblem } from '../lib/lint.ts';
import { byPlace } from '../lib/order.ts';

const { values } = parseArgs({
  options: { fix: { type: 'boolean', default: false }, 'content-only': { type: 'boolean', default: false } },
});

let failed = false;
if (!values['content-only']) {
  const typecheck = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], { stdio: 'inherit' });
  failed = typecheck.status !== 0;
}

// The same files, read the same way, as the build: lib/article-id.ts and lib/article-file.ts.
const paths = listArticleFiles(contentDir);
const shown = (file: string) => displayPath(join(contentDir, file));
const problems: LintProblem[] = articleFileNameProblems(paths, shown).map((problem) => lintError(problem, 'file-name'));
const files = paths.flatMap((file) => {
  const path = join(contentDir, file);
  const decoded = decodeArticleFile(readFileSync(path), shown(file));
  if (!decoded.ok) {
    problems.push(...decoded.problems.map((problem) => lintError(problem, 'encoding')));
    return [];
  }
  return [{ path, file: shown(file), source: decoded.source, options: { columns: site.columns, photoProblem: (src: string) => photoFileProblem(dirname(path), src) } }];
});
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
const errors = remaining.filter((problem) => problem.severity === 'error').length;
console.log(`检查了 ${paths.length} 篇稿件：${errors} 个错误，${remaining.length - errors} 个警告${values.fix ? `，已修正 ${problems.length - remaining.length} 处` : ''}。`);
process.exit(failed || errors > 0 ? 1 : 0);
