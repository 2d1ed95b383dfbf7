/**
 * A printed page's file (版面文件): where each article is printed on one 版 of an edition, beside the page's PDF.
 *
 *   editions/2024/05-20/05.yaml   (the date from the folders, the 版次 from the name; 05.pdf beside it)
 *
 *   pdf: 05.pdf
 *   width: 841.89            # the page in PDF points, as the PDF says
 *   height: 1190.55
 *   articles:
 *     - id: 2024/05/safety-inspection
 *       regions:             # rectangles in points from the page's top-left: [x, y, width, height]
 *         - [36, 120, 250, 300]
 *     - id: 2024/05/river-cleanup
 *       corrected: true      # drawn or corrected by an editor: a new import keeps these regions
 *       regions: [[300, 120, 500, 180]]
 *   unlocated:               # imported articles the importer could not find on the page, with why
 *     - id: 2024/05/late-brief
 *       reason: 在版面 PDF 的文字中找不到标题和正文
 *
 * `npm run import -- … --pdf` writes it; an editor may correct it by hand. Read and checked here like an article's
 * frontmatter: every problem names file, line, column and field. Whether the ids are articles of this page is
 * checked against the archive (lib/archive/source.ts), which knows the articles.
 */
import { z } from 'astro/zod';
import { Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { ArticleProblem } from '../article/file.ts';
import { byPlace } from '../order.ts';
import { keyNodeAt, nearestNode, positionOf } from '../yaml-positions.ts';

import type { PageRect } from './page-lines.ts';

export type { PageRect };

export interface PrintedArticle {
  id: string;
  regions: PageRect[];
  /** Drawn or corrected by an editor: a new import of the page keeps it. */
  corrected: boolean;
}

export interface PageFile {
  /** The edition's date, YYYY-MM-DD, from the folders. */
  date: string;
  /** The 版次 as named by the file: 05, 5 or 要闻. */
  page: string;
  /** The page's PDF, relative to the page file. */
  pdf: string;
  width: number;
  height: number;
  articles: PrintedArticle[];
  unlocated: { id: string; reason: string }[];
}

/** How far a region may cross into another article's: 5% of the smaller of the two. */
export const MAX_REGION_OVERLAP = 0.05;
/** Rounding in a PDF's numbers: a region this close to the page's edge is on the page. */
const EDGE_TOLERANCE = 1;

/** editions/2024/05-20/05.yaml → its date and 版次; undefined for a path that is not a page file. */
export function pageFileOf(relativePath: string): { date: string; page: string } | undefined {
  const match = /^(\d{4})\/(\d{2}-\d{2})\/([^/]+)\.ya?ml$/u.exec(relativePath.replaceAll('\\', '/'));
  if (!match) return undefined;
  return { date: `${match[1]}-${match[2]}`, page: match[3]! };
}

const number = (what: string) => z.number({ error: `${what}应为数字（PDF 的点，1/72 英寸）` });
const rectSchema = z
  .tuple([number('x'), number('y'), number('宽'), number('高')], { error: '热区应写成 [x, y, 宽, 高]，单位为 PDF 的点，从版面左上角量起' })
  .refine(([, , width, height]) => width > 0 && height > 0, '热区的宽和高应大于 0');

const pageFileSchema = z.strictObject({
  pdf: z.string({ error: '缺少版面 PDF（pdf），应为同一目录下的文件名，如 05.pdf' }).regex(/^[^/\\]+\.pdf$/iu, '版面 PDF（pdf）应为同一目录下的 .pdf 文件名，如 05.pdf'),
  width: number('版面宽度（width）').positive(),
  height: number('版面高度（height）').positive(),
  articles: z
    .array(
      z.strictObject({
        id: z.string({ error: '缺少文章（id），应写成 2024/05/文件名（不带 .md）' }).min(1),
        regions: z.array(rectSchema).min(1, '至少要有一个热区'),
        corrected: z.boolean({ error: 'corrected 应为 true 或 false' }).default(false),
      }),
      { error: 'articles 应为文章及其热区的列表' },
    )
    .default([]),
  unlocated: z.array(z.strictObject({ id: z.string().min(1), reason: z.string() })).default([]),
});

/** The page, and the line of each article's `id` (for problems found later, against the articles). */
export type PageFileResult = { ok: true; page: PageFile; idLines: number[] } | { ok: false; problems: ArticleProblem[] };

/** Reads and checks a page file's text; `relativePath` (under editions/) gives its date and 版次, `file` names it in messages. */
export function parsePageFile(source: string, relativePath: string, file: string): PageFileResult {
  const where = pageFileOf(relativePath);
  if (!where) return fail(file, 1, 1, '', '版面文件应放在 editions/年/月-日/版次.yaml，如 editions/2024/05-20/05.yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined) => positionOf(lineCounter, offset);
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((error) => ({ file, ...at(error.pos[0]), field: '', message: `不是合法的 YAML：${error.message.split('\n')[0]}` })) };
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 0 });
  if (!isMap(doc.contents)) return fail(file, 1, 1, '', '版面文件应为“字段: 值”的列表：pdf、width、height、articles');
  const result = pageFileSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue): ArticleProblem[] => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
          const path = [...issue.path, key] as (string | number)[];
          return { file, ...at(keyNodeAt(doc.contents, path)?.range?.[0]), field: path.join('.'), message: `未知字段“${key}”，请删除或改正拼写` };
        });
      }
      const path = issue.path as (string | number)[];
      return [{ file, ...at(nearestNode(doc.contents, path)?.range?.[0]), field: path.join('.'), message: issue.message }];
    });
    return { ok: false, problems: problems.sort(byPlace) };
  }
  const data = result.data;
  const page: PageFile = {
    ...where,
    pdf: data.pdf,
    width: data.width,
    height: data.height,
    articles: data.articles.map((article) => ({ id: article.id, corrected: article.corrected, regions: article.regions.map(([x, y, width, height]) => ({ x, y, width, height })) })),
    unlocated: data.unlocated,
  };
  const problems = regionProblems(page).map(({ path, message }) => ({ file, ...at(nearestNode(doc.contents, path)?.range?.[0]), field: path.join('.'), message }));
  if (problems.length) return { ok: false, problems: problems.sort(byPlace) };
  const idLines = page.articles.map((_, index) => at(nearestNode(doc.contents, ['articles', index, 'id'])?.range?.[0]).line);
  return { ok: true, page, idLines };
}

/** Regions off the page, an article listed twice, and regions of two articles that overlap more than allowed. */
export function regionProblems(page: Pick<PageFile, 'width' | 'height' | 'articles'>): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, number>();
  page.articles.forEach((article, index) => {
    const first = seen.get(article.id);
    if (first !== undefined) problems.push({ path: ['articles', index, 'id'], message: `文章 ${article.id} 在本版已列出（第 ${first + 1} 项）：同一篇文章的热区应写在同一项的 regions 里` });
    else seen.set(article.id, index);
    article.regions.forEach((rect, r) => {
      const off = rect.x < -EDGE_TOLERANCE || rect.y < -EDGE_TOLERANCE || rect.x + rect.width > page.width + EDGE_TOLERANCE || rect.y + rect.height > page.height + EDGE_TOLERANCE;
      if (off) problems.push({ path: ['articles', index, 'regions', r], message: `热区超出版面（版面宽 ${page.width}、高 ${page.height} 点）` });
    });
  });
  for (let a = 0; a < page.articles.length; a++) {
    for (let b = a + 1; b < page.articles.length; b++) {
      const first = page.articles[a]!;
      const second = page.articles[b]!;
      if (first.id === second.id) continue;
      const overlap = overlapArea(first.regions, second.regions);
      const smaller = Math.min(unionArea(first.regions), unionArea(second.regions));
      if (smaller > 0 && overlap > MAX_REGION_OVERLAP * smaller) {
        problems.push({
          path: ['articles', b, 'regions'],
          message: `热区与 ${first.id} 的重叠 ${Math.round((overlap / smaller) * 100)}%，超过较小一篇面积的 ${MAX_REGION_OVERLAP * 100}%：请调整其中一篇的热区`,
        });
      }
    }
  }
  return problems;
}

/** The area covered by a set of rectangles, each point counted once (coordinate compression: regions are few). */
export function unionArea(rects: readonly PageRect[]): number {
  const xs = [...new Set(rects.flatMap((rect) => [rect.x, rect.x + rect.width]))].sort((a, b) => a - b);
  let area = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const left = xs[i]!;
    const right = xs[i + 1]!;
    const spans = rects
      .filter((rect) => rect.x <= left && rect.x + rect.width >= right)
      .map((rect) => [rect.y, rect.y + rect.height] as const)
      .sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let top = -Infinity;
    let bottom = -Infinity;
    for (const [start, end] of spans) {
      if (start > bottom) {
        covered += bottom - top > 0 ? bottom - top : 0;
        [top, bottom] = [start, end];
      } else bottom = Math.max(bottom, end);
    }
    covered += bottom - top > 0 ? bottom - top : 0;
    area += covered * (right - left);
  }
  return area;
}

/** The area two sets of rectangles share. */
export function overlapArea(first: readonly PageRect[], second: readonly PageRect[]): number {
  const shared: PageRect[] = [];
  for (const a of first) {
    for (const b of second) {
      const x = Math.max(a.x, b.x);
      const y = Math.max(a.y, b.y);
      const right = Math.min(a.x + a.width, b.x + b.width);
      const bottom = Math.min(a.y + a.height, b.y + b.height);
      if (right > x && bottom > y) shared.push({ x, y, width: right - x, height: bottom - y });
    }
  }
  return unionArea(shared);
}

/** The page file's text, as the importer writes it: a comment for the editor, then the fields. */
export function formatPageFile(page: Omit<PageFile, 'date' | 'page'>, heading: string): string {
  const round = (value: number) => Math.round(value * 100) / 100;
  const value = {
    pdf: page.pdf,
    width: round(page.width),
    height: round(page.height),
    articles: page.articles.map((article) => ({
      id: article.id,
      ...(article.corrected && { corrected: true }),
      regions: article.regions.map((rect) => [round(rect.x), round(rect.y), round(rect.width), round(rect.height)]),
    })),
    ...(page.unlocated.length > 0 && { unlocated: page.unlocated }),
  };
  const doc = new Document(value);
  // A rectangle on one line, [x, y, 宽, 高], as an editor reads and corrects it.
  visit(doc, { Seq: (_key, node) => void (node.items.length === 4 && node.items.every(isScalar) && (node.flow = true)) });
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `# ${heading}\n# 热区（regions）为 [x, y, 宽, 高]，单位是 PDF 的点，从版面左上角量起。手工修改后请写 corrected: true，再次导入本版时会保留。\n${yaml}`;
}

function fail(file: string, line: number, column: number, field: string, message: string): PageFileResult {
  return { ok: false, problems: [{ file, line, column, field, message }] };
}
