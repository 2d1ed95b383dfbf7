/**
 * The cache key of a page for Astro's incremental build (`cacheKey` in getStaticPaths): Astro reuses last
 * build's HTML of a path when the route's code is unchanged and this key is the same. A page shows its
 * props and nothing else (pages never read the archive outside getStaticPaths), so the key is its props —
 * with every article in them (the page's own, previous/next, related, the articles of a list page) stood for
 * by its version: its id, the digest of its file and its photos' output names (which carry a hash of the
 * image), so a corrected headline changes every page that shows it, and a replaced photo every page with it.
 * Anything else in the props (page numbers, a list's total, a person's roles, a column) is in the key as is.
 */
import { createHash } from 'node:crypto';

/** What the key needs of an article: Astro's content entries have these. */
export interface VersionedEntry {
  id: string;
  digest?: string;
  data: { photos?: readonly { src: string | { src: string } }[] };
}

/** A content entry (from getCollection) as opposed to any other object in the props. */
function isEntry(value: unknown): value is VersionedEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.id === 'string' && typeof entry.collection === 'string' && typeof entry.data === 'object';
}

/** An article as its version: changes whenever anything a page could show of it changes. */
export function articleVersion(entry: VersionedEntry): string {
  if (entry.digest === undefined) throw new Error(`article ${entry.id} has no digest; its pages cannot be keyed`);
  const photos = (entry.data.photos ?? []).map((photo) => (typeof photo.src === 'string' ? photo.src : photo.src.src));
  return [entry.id, entry.digest, ...photos].join('\n');
}

/** The cache key of a page with these props (a SHA-256, hex). */
export function pageCacheKey(props: unknown): string {
  const json = JSON.stringify(props, (_key, value: unknown) => {
    if (isEntry(value)) return { article: articleVersion(value) };
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    return value;
  });
  return createHash('sha256').update(json ?? 'undefined').digest('hex');
}

/** Adds its cache key to each of getStaticPaths' paths (also to what `paginate()` returns). */
export function withCacheKeys<Path extends { props?: unknown }>(paths: readonly Path[]): (Path & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: pageCacheKey(path.props ?? {}) }));
}
