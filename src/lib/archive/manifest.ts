/**
 * The list of the archive one build works from: every article file with its id, URL, content hash, date,
 * whether it is published at the build's moment, and the search part it is indexed in. The archive's source
 * makes it (src/data/articles-loader.ts), the search indexer adds the parts; the build then checks the pages
 * Astro wrote against it by URL, and compares it with the last build's to say what this build publishes anew.
 *
 * It is never part of the site: it lists drafts and embargoed articles, whose times would say what is coming.
 */

/** Its file name, beside the search index's parts.json while the build runs, and in the cache after it. */
export const ARCHIVE_MANIFEST = 'archive.json';

export interface ArchiveEntry {
  /** The article's id (lib/article/id.ts), which its URL is made from. */
  id: string;
  /** Its page's path under the site's base, e.g. /articles/2024/05/safety-inspection/. */
  url: string;
  /** Its file inside the content directory, with forward slashes. */
  file: string;
  /** SHA-256 of the file's bytes. */
  digest: string;
  /** Its date (the moment it is dated), in ISO form. */
  date: string;
  /** Whether the build publishes it: not a draft, and its date and embargo passed (lib/article/schema.ts isPublished). */
  published: boolean;
  /** The names of its reporters (lib/article/bylines.ts), for published articles: the search page's filter. */
  reporters?: string[];
  /** The search part it is indexed in (lib/search/build/parts-plan.ts), for published articles. */
  part?: string;
}

export interface ArchiveManifest {
  /** The moment the build published as of (BUILD_TIME). */
  builtAt: string;
  articles: ArchiveEntry[];
}

export interface ArchiveChanges {
  /** When the build compared with was published as of; none when there is no earlier list (a cold cache). */
  since?: string;
  added: ArchiveEntry[];
  changed: ArchiveEntry[];
  withdrawn: ArchiveEntry[];
}

const publishedOnly = (manifest: ArchiveManifest | undefined) => new Map((manifest?.articles ?? []).filter((entry) => entry.published).map((entry) => [entry.id, entry]));

/** What this build publishes differently from the last one: new articles, changed files, articles no longer published. */
export function archiveChanges(previous: ArchiveManifest | undefined, current: ArchiveManifest): ArchiveChanges {
  const before = publishedOnly(previous);
  const now = publishedOnly(current);
  const added: ArchiveEntry[] = [];
  const changed: ArchiveEntry[] = [];
  for (const [id, entry] of now) {
    const old = before.get(id);
    if (!old) added.push(entry);
    else if (old.digest !== entry.digest) changed.push(entry);
  }
  const withdrawn = [...before.values()].filter((entry) => !now.has(entry.id));
  return { since: previous?.builtAt, added, changed, withdrawn };
}

/** One line for the build's log, in the editors' words. */
export function describeChanges({ since, added, changed, withdrawn }: ArchiveChanges): string {
  if (since === undefined) return `发布 ${added.length} 篇文章（缓存中没有上次构建的文章清单，无从比较）`;
  return `与上次构建相比：新发布 ${added.length} 篇，修改 ${changed.length} 篇，撤下 ${withdrawn.length} 篇`;
}

/**
 * What is wrong when the article pages a build wrote (their URLs) and the manifest disagree: a published article
 * without a page or without a search part, or a page of no published article. Each problem names the article.
 */
export function pagesAgainstManifest(manifest: ArchiveManifest, articlePageUrls: Iterable<string>): string[] {
  const published = publishedOnly(manifest);
  const byUrl = new Map([...published.values()].map((entry) => [entry.url, entry]));
  const pages = new Set(articlePageUrls);
  const problems: string[] = [];
  for (const entry of published.values()) {
    if (!pages.has(entry.url)) problems.push(`${entry.file}：已发布，但网站没有它的页面 ${entry.url}`);
    if (!entry.part) problems.push(`${entry.file}：已发布，但不在搜索索引中`);
  }
  for (const url of [...pages].sort()) {
    if (!byUrl.has(url)) problems.push(`${url}：网站有这个文章页面，但它不是本次发布的文章`);
  }
  return problems;
}
