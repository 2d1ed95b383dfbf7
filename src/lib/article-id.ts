/**
 * An article's id (and URL path under /articles/) from its file path under content/articles:
 * `2024/05/safety-inspection.md` → `2024/05/safety-inspection`. Each segment is slugged with github-slugger,
 * exactly as Astro's glob loader does by default, so the content layer and the search indexer (which reads
 * the files itself, see src/cli/index-search.ts) agree on every URL.
 */
import { slug } from 'github-slugger';

export function articleIdFromPath(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/\.md$/, '')
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}
