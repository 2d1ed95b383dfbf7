/**
 * Every article file of the content directory, read and checked as the content layer reads it
 * (lib/article-file.ts): for the tools that read the Markdown themselves (the search indexer, the schedule).
 * A file that is not valid UTF-8 or not a valid article stops the reader with the same file:line message.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isArticleFile } from '../lib/article-id.ts';
import type { ArticleData } from '../lib/article.ts';
import type { Column } from '../lib/newsroom.ts';
import { decodeArticleFile, formatProblem, parseArticleFile, type ArticleProblem } from '../lib/article-file.ts';

export interface ArticleFile {
  /** The path inside the content directory, with forward slashes on every system. */
  file: string;
  data: ArticleData;
  body: string;
  /** SHA-256 of the file's bytes: whether it changed since the last build. */
  digest: string;
}

/**
 * The article files under `dir` (paths relative to it, sorted): the one listing the build, the checker and the
 * indexer share. A directory that is not there is an archive with nothing in it yet — a newsroom that removed
 * the examples (`git rm -r content/articles`) and has not added its own.
 */
export function listArticleFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(isArticleFile).sort();
}

/** The articles of `dir` (a newsroom's with these columns), in file order; throws with every problem found when any file is not valid. */
export function readArticleFiles(dir: string, columns: readonly Column[], what: string): ArticleFile[] {
  const articles: ArticleFile[] = [];
  const problems: ArticleProblem[] = [];
  const files = listArticleFiles(dir);
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    const decoded = decodeArticleFile(bytes, file);
    const parsed = decoded.ok ? parseArticleFile(decoded.source, file, { columns }) : decoded;
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (parsed.ok) articles.push({ file: file.split('\\').join('/'), data: parsed.data, body: parsed.body, digest });
    else problems.push(...parsed.problems);
  }
  if (problems.length) throw new Error(`文章有误，${what}：\n${problems.map(formatProblem).join('\n')}`);
  return articles;
}
