/**
 * Reads an article file (YAML frontmatter + Markdown body) and validates it against the schema,
 * reporting every problem with the file, line, column and field, so that an editor can fix it directly.
 * The body's Markdown is parsed once, by the pipeline that renders it (lib/archive/source.ts renderArticle).
 *
 * The frontmatter is parsed with the YAML 1.2 core schema, which keeps `2024-05-06` as written text.
 * Astro's default parser (js-yaml) turns dates into Date objects and silently rolls an impossible
 * `2024-13-40` over to 2025-02-09; reading the text ourselves lets the schema reject it.
 */
import { isMap, LineCounter, parseDocument, stringify, visit } from 'yaml';
import { ARTICLE_FIELDS, articleSchemaFor, type ArticleData } from './schema.ts';
import type { Column } from '../newsroom/newsroom.ts';
import { byPlace } from '../order.ts';
import { hasBodyText } from './text.ts';
import { keyNodeAt, nearestNode, positionOf } from '../yaml-positions.ts';

export interface ArticleProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted field path, e.g. `byline.1.role`; empty for problems with the whole file. */
  field: string;
  message: string;
}

export type ArticleFileResult =
  | { ok: true; data: ArticleData; raw: Record<string, unknown>; body: string; bodyStartLine: number }
  | { ok: false; problems: ArticleProblem[] };

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** An article file's frontmatter (YAML text) and its body, or undefined when it does not begin with frontmatter. */
export function splitArticleFile(source: string): { frontmatter: string; body: string } | undefined {
  const match = FRONTMATTER.exec(source);
  return match ? { frontmatter: match[1] ?? '', body: source.slice(match[0].length) } : undefined;
}

export interface ParseArticleOptions {
  /** The newsroom's columns (栏目): an article's `column` must be one of them (site.columns). */
  columns: readonly Column[];
  /**
   * What is wrong with a photo's `src` (relative to the article file): missing, or not an image. Given by the
   * callers that can look at the file system (the content loader, `npm run check`), so a wrong path is
   * reported at its line, not by the image pipeline later without the article's name.
   */
  photoProblem?: (src: string) => string | undefined;
}

/** The text of an article file, or the problem that it is not UTF-8 (GBK and GB18030 are what old Windows editors write). */
export function decodeArticleFile(bytes: Uint8Array, file: string): { ok: true; source: string } | { ok: false; problems: ArticleProblem[] } {
  try {
    return { ok: true, source: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes); // without the BOM, so line 1 counts columns right
    const before = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n');
    const message = '文件不是 UTF-8 编码（常见的是 GBK/GB18030）：请在编辑器中以“UTF-8”编码另存此文件';
    return { ok: false, problems: [{ file, line: before.length, column: before.at(-1)!.length + 1, field: '', message }] };
  }
}

export function parseArticleFile(source: string, file: string, options: ParseArticleOptions): ArticleFileResult {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return fail(file, 1, 1, '', '文件开头缺少 frontmatter：第一行应为 ---，随后是 title、date、column 等字段，再以 --- 结束');
  }
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  // Line 1 is the opening ---, so frontmatter line n is file line n + 1.
  const at = (offset: number | undefined) => positionOf(lineCounter, offset, 1);

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        ...at(error.pos[0]),
        field: '',
        message: `frontmatter 不是合法的 YAML：${error.message.split('\n')[0]}`,
      })),
    };
  }
  // Editors never need YAML aliases (*name); refused before expansion, which is how an alias "bomb" grows.
  const aliases: ArticleProblem[] = [];
  visit(doc, {
    Alias: (_key, node) => {
      aliases.push({ file, ...at(node.range?.[0]), field: '', message: `frontmatter 不能使用 YAML 别名（*${node.source}）：请把值直接写出来` });
    },
  });
  if (aliases.length > 0) return { ok: false, problems: aliases };
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    return fail(file, 2, 1, '', `frontmatter 无法读取：${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isMap(doc.contents) || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail(file, 2, 1, '', 'frontmatter 应为“字段: 值”的列表');
  }

  const result = articleSchemaFor(options.columns).safeParse(raw);
  const body = source.slice(match[0].length);
  const bodyStartLine = source.slice(0, match[0].length).split('\n').length;
  if (result.success) {
    const problems = photoProblems(result.data, doc.contents, options, file, at);
    // A draft may be unfinished; anything that will be published needs words or photos (a picture story).
    if (!result.data.draft && result.data.photos.length === 0 && !hasBodyText(body)) {
      problems.push({ file, line: bodyStartLine, column: 1, field: '', message: '正文为空：文章至少要有一段文字；只有图片和说明的图片新闻请把图片写在 photos 里' });
    }
    if (problems.length === 0) return { ok: true, data: result.data, raw: raw as Record<string, unknown>, body, bodyStartLine };
    return { ok: false, problems: problems.sort(byPlace) };
  }

  const problems = result.error.issues.flatMap((issue): ArticleProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key] as (string | number)[];
        return {
          file,
          ...at(keyNodeAt(doc.contents, path)?.range?.[0]),
          field: path.join('.'),
          message: unknownKeyMessage(key, issue.path.length === 0 ? ARTICLE_FIELDS : []),
        };
      });
    }
    const path = issue.path as (string | number)[];
    return [{ file, ...at(nearestNode(doc.contents, path)?.range?.[0]), field: path.join('.'), message: issue.message }];
  });
  problems.sort(byPlace);
  return { ok: false, problems };
}

/** `content/x.md:4:1 date：日期“2024-13-40”不存在…` — the shape editors and editors' tools understand. */
export function formatProblem(problem: ArticleProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.field ? `${where} 字段 ${problem.field}：${problem.message}` : `${where} ${problem.message}`;
}

function photoProblems(
  data: ArticleData,
  contents: unknown,
  { photoProblem }: ParseArticleOptions,
  file: string,
  at: (offset: number | undefined) => { line: number; column: number },
): ArticleProblem[] {
  if (!photoProblem) return [];
  return data.photos.flatMap((photo, index) => {
    const message = photoProblem(photo.src);
    if (!message) return [];
    const path = ['photos', index, 'src'];
    return [{ file, ...at(nearestNode(contents, path)?.range?.[0]), field: path.join('.'), message }];
  });
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const hint = known.length ? `可用字段：${known.join('、')}` : '请检查拼写';
  return `未知字段“${key}”，请删除或改正拼写。${hint}`;
}

function fail(file: string, line: number, column: number, field: string, message: string): ArticleFileResult {
  return { ok: false, problems: [{ file, line, column, field, message }] };
}

/** An article file: YAML frontmatter, then the paragraphs separated by blank lines. */
export function formatArticleFile(frontmatter: Record<string, unknown>, paragraphs: readonly string[]): string {
  return formatArticleSource(frontmatter, paragraphs.join('\n\n'));
}

/** An article file: YAML frontmatter, then the Markdown body, which is given a final line break if it lacks one. */
export function formatArticleSource(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${formatFrontmatter(frontmatter)}---\n${body}${body.endsWith('\n') ? '' : '\n'}`;
}

/** Frontmatter fields as the article files have them (block style, plain strings, no line wrapping). */
export function formatFrontmatter(fields: Record<string, unknown>): string {
  return stringify(fields, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}
