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
 *
 * The e-paper's printed pages (editions/YYYY/MM-DD/<版次>.yaml beside each page's PDF, lib/epaper/page-file.ts)
 * are read here too (readEditionPages), and checked against the articles (pageArticleProblems).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
import { parsePageFile, type PageFile } from '../epaper/page-file.ts';
import { notPdfReason } from '../epaper/pdf-bytes.ts';

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

/** A printed page's file (lib/epaper/page-file.ts) as the archive's source reads it, with its PDF. */
export interface SourcePage extends PageFile {
  /** The page file: relative to the editions directory, on disk, and as messages show it. */
  file: string;
  path: string;
  shown: string;
  /** The page's PDF on disk, and the SHA-256 of its bytes (what its images are cached by). */
  pdfPath: string;
  pdfDigest: string;
  /** The PDF's size and modification time when it was read: what tells the next build it is unchanged. */
  pdfSize: number;
  pdfModified: number;
  /** The line of each printed article's `id`, for problems found against the articles. */
  idLines: number[];
}

/**
 * The editions' directory of an archive: `editions/` beside the articles (content/editions for content/articles),
 * as the newsroom's site.yaml is beside them.
 */
export const editionsDirOf = (articlesDir: string) => join(dirname(articlesDir), 'editions');

/** The page files under `dir` (relative, sorted); none when there is no such directory. */
export function listPageFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => /\.ya?ml$/u.test(file))
    .sort();
}

export interface ReadPagesOptions {
  /**
   * The digest of a PDF already read whose size and modification time are these, if one is known: a decade of
   * pages is tens of gigabytes, which a build must not read again to learn that nothing changed.
   */
  knownDigest?: (path: string, size: number, modified: number) => string | undefined;
}

/** Every page file of `dir` and its PDF; problems of any file are collected, not thrown. */
export function readEditionPages(dir: string, options: ReadPagesOptions = {}): { pages: SourcePage[]; problems: ArticleProblem[] } {
  const pages: SourcePage[] = [];
  const problems: ArticleProblem[] = [];
  for (const file of listPageFiles(dir)) {
    const path = join(dir, file);
    const shown = displayPath(path);
    const decoded = decodeArticleFile(readFileSync(path), shown);
    if (!decoded.ok) {
      problems.push(...decoded.problems);
      continue;
    }
    const parsed = parsePageFile(decoded.source, file, shown);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const pdfPath = join(dirname(path), parsed.page.pdf);
    const pdfLine = lineOfKey(decoded.source, 'pdf');
    if (!existsSync(pdfPath)) {
      problems.push({ file: shown, line: pdfLine, column: 1, field: 'pdf', message: `找不到版面 PDF“${parsed.page.pdf}”：应与本文件放在同一目录` });
      continue;
    }
    const stat = statSync(pdfPath);
    let pdfDigest = options.knownDigest?.(pdfPath, stat.size, stat.mtimeMs);
    if (!pdfDigest) {
      const bytes = readFileSync(pdfPath);
      const notPdf = notPdfReason(bytes);
      if (notPdf) {
        problems.push({ file: shown, line: pdfLine, column: 1, field: 'pdf', message: `${parsed.page.pdf} ${notPdf}` });
        continue;
      }
      pdfDigest = createHash('sha256').update(bytes).digest('hex');
    }
    pages.push({ ...parsed.page, file, path, shown, pdfPath, pdfDigest, pdfSize: stat.size, pdfModified: stat.mtimeMs, idLines: parsed.idLines });
  }
  return { pages, problems: problems.sort(byPlace) };
}


const lineOfKey = (source: string, key: string) => Math.max(1, source.split('\n').findIndex((line) => line.startsWith(`${key}:`)) + 1);

/**
 * Problems of the pages against the articles: each printed article is an article of the archive, printed on that
 * page by its own `source` (edition and page), and on one page only.
 */
export function pageArticleProblems(pages: readonly Pick<SourcePage, 'date' | 'page' | 'articles' | 'shown' | 'idLines'>[], printedOn: (id: string) => { edition?: string; page?: string } | undefined | null): ArticleProblem[] {
  const problems: ArticleProblem[] = [];
  const placed = new Map<string, (typeof pages)[number]>();
  for (const page of pages) {
    page.articles.forEach((article, index) => {
      const at = { file: page.shown, line: page.idLines[index] ?? 1, column: 1, field: `articles.${index}.id` };
      const source = printedOn(article.id);
      if (source === undefined) return problems.push({ ...at, message: `找不到文章 ${article.id}：应为 articles/ 下的文件路径，不带 .md，如 2024/05/safety-inspection` });
      if (source?.edition !== page.date || Number(source?.page) !== Number(page.page) && source?.page !== page.page) {
        return problems.push({ ...at, message: `文章 ${article.id} 的 source 写的是${source?.edition ? `${source.edition} 第 ${source.page ?? '?'} 版` : '未刊于报纸'}，不是本版（${page.date} 第 ${page.page} 版）：请改正其中一处` });
      }
      const other = placed.get(article.id);
      if (other && other !== page) return problems.push({ ...at, message: `文章 ${article.id} 已在 ${other.shown} 中有热区` });
      placed.set(article.id, page);
    });
  }
  return problems.sort(byPlace);
}
