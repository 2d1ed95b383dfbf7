/**
 * The one source of the archive. Every article file is listed by one rule (lib/article/id.ts isArticleFile),
 * read and decoded once, parsed and validated (lib/article/file.ts: frontmatter, schema, photos, a body with
 * text; file names and URL collisions over the whole archive), and given its id, URL, digest and whether it
 * is published as of the build's moment. Its body is rendered by the one Markdown pipeline (src/markdown.ts),
 * which checks its HTML and reads its text and 导语 in the same parse (renderArticle).
 *
 * Astro's content layer gets the articles from here (src/data/articles-loader.ts), and so do the search
 * indexer (through what the loader hands it, lib/archive/index-input.ts), `npm run check`, `npm run due`, the importer,
 * the benchmark and the tests. Build side: it reads the file system.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { articleBodyOf, type ArticleBody } from '../article/body.ts';
import { decodeArticleFile, parseArticleFile, type ArticleProblem } from '../article/file.ts';
import { articleFileNameProblems, articleIdFromPath, isArticleFile } from '../article/id.ts';
import { isPublished, type ArticleData } from '../article/schema.ts';
import { displayPath } from '../display-path.ts';
import { photoFileProblem } from '../article/image-type.ts';
import type { Column } from '../newsroom/newsroom.ts';
import { byPlace } from '../order.ts';
import { createUrls } from '../urls.ts';

/** An article file of the archive. */
export interface ArchiveFile {
  /** Its path inside the content directory, with forward slashes on every system. */
  file: string;
  /** Its path on this machine. */
  path: string;
  /** As editors read it in messages (lib/display-path.ts). */
  shown: string;
  id: string;
  /** Its page's path under the site's base (lib/urls.ts). */
  url: string;
  /** SHA-256 of its bytes: whether it changed since the last build. */
  digest: string;
}

/** An article read from its file. */
export interface SourceArticle extends ArchiveFile {
  kept: false;
  data: ArticleData;
  /** The frontmatter as written (YAML core schema), for Astro's own schema (its image fields). */
  raw: Record<string, unknown>;
  /** The body as in the file, from the line after the frontmatter. */
  body: string;
  /** The whole file, decoded, when asked for (keepText: `npm run check` fixes it in place). */
  text?: string;
  bodyStartLine: number;
  published: boolean;
}

/** An article whose file is byte for byte what the last build read: its data as that build stored it. */
export interface KeptArticle extends ArchiveFile {
  kept: true;
  data: Pick<ArticleData, 'date' | 'draft' | 'byline'>;
  published: boolean;
}

export interface ReadArchiveOptions {
  columns: readonly Column[];
  /** The moment the build publishes as of. */
  now: Date;
  /** Whether photos are checked on the file system (they are wherever the article files are the real ones). */
  checkPhotos?: boolean;
  /** Whether each article keeps its decoded file (SourceArticle.text). */
  keepText?: boolean;
  /**
   * The data the last build stored for an id and digest, when that file is unchanged: it is not parsed again
   * (reading the YAML of every file again was half of a warm content sync).
   */
  kept?: (id: string, digest: string, path: string) => KeptArticle['data'] | undefined;
}

export interface ArchiveSource {
  articles: (SourceArticle | KeptArticle)[];
  /** Every problem of every file, in file order; an archive with any is not built. */
  problems: ArticleProblem[];
}

/**
 * The article files under `dir` (paths relative to it, sorted). A directory that is not there is an archive
 * with nothing in it yet — a newsroom that removed the examples and has not added its own.
 */
export function listArticleFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(isArticleFile)
    .map((file) => file.split('\\').join('/'))
    .sort();
}

const siteUrls = createUrls('/');

/** Every article of `dir`, each file read once; problems of any file are collected, not thrown. */
export function readArchive(dir: string, options: ReadArchiveOptions): ArchiveSource {
  const files = listArticleFiles(dir);
  const problems = articleFileNameProblems(files, (file) => displayPath(join(dir, file)));
  const articles: (SourceArticle | KeptArticle)[] = [];
  for (const file of files) {
    const read = readArticle(dir, file, options);
    if ('problems' in read) problems.push(...read.problems);
    else articles.push(read);
  }
  return { articles, problems: problems.sort(byPlace) };
}

/** One article file of `dir`, read once. */
/** An article file that could not be read: its bytes are not UTF-8 (`encoding`), or it is not a valid article. */
export interface UnreadArticle {
  problems: ArticleProblem[];
  encoding: boolean;
}

export function readArticle(dir: string, file: string, options: ReadArchiveOptions): SourceArticle | KeptArticle | UnreadArticle {
  const path = join(dir, file);
  const shown = displayPath(path);
  const bytes = readFileSync(path);
  const id = articleIdFromPath(file);
  const located = { file, path, shown, id, url: siteUrls.article(id), digest: createHash('sha256').update(bytes).digest('hex') };
  const kept = options.kept?.(id, located.digest, path);
  if (kept) return { ...located, kept: true, data: kept, published: isPublished(kept, options.now) };
  const decoded = decodeArticleFile(bytes, shown);
  if (!decoded.ok) return { problems: decoded.problems, encoding: true };
  const photoProblem = options.checkPhotos ? (src: string) => photoFileProblem(dirname(path), src) : undefined;
  const parsed = parseArticleFile(decoded.source, shown, { columns: options.columns, photoProblem });
  if (!parsed.ok) return { problems: parsed.problems, encoding: false };
  const { data, raw, body, bodyStartLine } = parsed;
  const text = options.keepText ? { text: decoded.source } : {};
  return { ...located, kept: false, data, raw, body, bodyStartLine, published: isPublished(data, options.now), ...text };
}

/** What the article pipeline makes of a body: the page's HTML and metadata, and what it read (lib/article/body.ts). */
export interface RenderedArticle {
  html: string;
  metadata: Record<string, unknown> & { imagePaths?: string[] };
  body: ArticleBody;
}

/** Markdown → HTML and metadata: Astro's renderMarkdown in the content layer, src/markdown.ts's articleRenderer elsewhere. */
export type RenderMarkdown = (markdown: string, options: { fileURL?: URL }) => Promise<{ html: string; metadata: Record<string, unknown> & { frontmatter?: Record<string, unknown>; imagePaths?: string[] } }>;

/**
 * Renders an article's body with the article pipeline: its HTML, or its problems with the file's lines (raw
 * HTML the site refuses, a body the renderer cannot take).
 */
export async function renderArticle(article: SourceArticle, render: RenderMarkdown): Promise<{ ok: true; rendered: RenderedArticle } | { ok: false; problems: ArticleProblem[] }> {
  // As Astro's Markdown entry type gives a body: trimmed.
  const markdown = article.body.trim();
  const leading = article.body.slice(0, article.body.indexOf(markdown));
  const firstLine = article.bodyStartLine + (leading.match(/\n/g)?.length ?? 0);
  const firstColumn = leading.length - (leading.lastIndexOf('\n') + 1);
  // renderMarkdown reads a leading --- or +++ block as frontmatter; a blank line first keeps a body's rule a rule.
  const guard = /^(?:---|\+\+\+)/.test(markdown) ? '\n' : '';
  const place = (line: number, column: number) => {
    const inBody = Math.max(line - (guard ? 1 : 0), 1);
    return { line: firstLine + inBody - 1, column: inBody === 1 ? column + firstColumn : column };
  };
  try {
    const { html, metadata } = await render(guard + markdown, { fileURL: pathToFileURL(article.path) });
    const body = articleBodyOf(metadata);
    if (!body) throw new Error('the article pipeline (src/markdown.ts) did not read the body');
    if (body.problems.length) {
      return { ok: false, problems: body.problems.map((problem) => ({ file: article.shown, ...place(problem.line, problem.column), field: '', message: problem.message })) };
    }
    return { ok: true, rendered: { html, metadata, body } };
  } catch (error) {
    const at = error as { line?: number; column?: number };
    const message = `正文无法转换为网页：${error instanceof Error ? error.message : String(error)}（常见原因是层层嵌套的引用或 HTML 标签）`;
    return { ok: false, problems: [{ file: article.shown, ...place(at.line ?? 1, at.column ?? 1), field: '', message }] };
  }
}
