/**
 * An article's id (and URL path under /articles/) from its file path under content/articles:
 * `2024/05/safety-inspection.md` → `2024/05/safety-inspection`. Each segment is slugged with github-slugger,
 * exactly as Astro's glob loader does by default, so the content layer and the search indexer (which reads
 * the files itself, see src/search-indexer/indexer.ts) agree on every URL.
 */
import { slug } from 'github-slugger';
import type { ArticleProblem } from './file.ts';

export function articleIdFromPath(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/\.md$/, '')
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/**
 * Whether a file under the content directory is an article: Markdown, and neither hidden nor in a hidden
 * directory (editors' tools keep backups there). The same rule as the glob `**\/*.md` of Astro's loader.
 */
export function isArticleFile(relativePath: string): boolean {
  const segments = relativePath.split(/[\\/]/);
  return relativePath.endsWith('.md') && !segments.some((segment) => segment.startsWith('.'));
}

/** Why this file cannot be an article page, or undefined: a name of only punctuation has no URL. */
export function articleIdProblem(relativePath: string): string | undefined {
  const segments = relativePath.replace(/\\/g, '/').replace(/\.md$/, '').split('/');
  const empty = segments.find((segment) => slug(segment) === '');
  if (empty === undefined) return undefined;
  return `文件名或目录名“${empty}”只有标点或空白，生成不了网址：请用拼音、英文或汉字命名（例如 safety-inspection.md）`;
}

/**
 * Files that would be published at the same URL (`A.md` and `a.md`, `安全 检查.md` and `安全-检查.md`):
 * one would silently replace the other, so each such group is an error naming every file.
 */
export function articleIdCollisions(relativePaths: readonly string[]): { id: string; files: string[] }[] {
  const byId = new Map<string, string[]>();
  for (const path of relativePaths) {
    const id = articleIdFromPath(path);
    const files = byId.get(id);
    if (files) files.push(path);
    else byId.set(id, [path]);
  }
  return [...byId].filter(([, files]) => files.length > 1).map(([id, files]) => ({ id, files: [...files].sort() }));
}

/**
 * Every problem with the file names of an archive (paths relative to the content directory): names that
 * give no URL, and files that would share one. Checked over the whole list at once, so all are reported.
 */
export function articleFileNameProblems(relativePaths: readonly string[], shown: (path: string) => string = (path) => path): ArticleProblem[] {
  const at = (file: string, message: string): ArticleProblem => ({ file, line: 1, column: 1, field: '', message });
  const problems = relativePaths.flatMap((path) => {
    const message = articleIdProblem(path);
    return message ? [at(shown(path), message)] : [];
  });
  for (const { id, files } of articleIdCollisions(relativePaths)) {
    const [first, ...others] = files.map(shown);
    problems.push(at(first!, `与 ${others.join('、')} 的网址相同（articles/${id}/）：只差大小写、空格或标点的文件名会发布到同一个地址，请改其中一个文件名`));
  }
  return problems;
}
