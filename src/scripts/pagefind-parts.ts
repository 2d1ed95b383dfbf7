/**
 * The search index in the browser: Pagefind, with the parts listed in pagefind/parts.json merged only when a
 * search first needs them (lib/search/browser/plan.ts decides which). The newest part is Pagefind's main index; each
 * older part is merged with a synthetic `part` filter naming it, so a search can be limited to the parts of
 * one step.
 *
 * Pagefind runs in the page rather than in its Web Worker, for one reason: it swallows a failed index chunk
 * (it logs it and searches without it), so a dropped connection would silently lose results. Here every
 * request for the index goes through `fetch`, which this module watches, so a part whose files failed to
 * load is reported (PartLoadError) instead of searched half-loaded. Searching one part takes a few
 * milliseconds; the worker is not missed.
 */
import { LexiconReader } from '../lib/search/browser/lexicon-reader.ts';
import { PartLoadError, type Candidate, type SearchFilters } from '../lib/search/browser/plan.ts';
import { parseSearchPartsManifest, type SearchPartEntry, type SearchPartsManifest } from '../lib/search/parts-manifest.ts';
import type { SessionIndex } from '../lib/search/browser/session.ts';

/** The part of Pagefind's browser API used here (pagefind.js ships no types). */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  destroy(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: Record<string, unknown>): Promise<{ results: Candidate[] }>;
  preload(query: string, options?: Record<string, unknown>): Promise<void>;
}

/** The synthetic filter naming each page's part. */
const PART_FILTER = 'part';
/** The filter of the day an article was published (lib/search/build/records.ts). */
const DAY_FILTER = 'day';

/** The reader's filters, and the search limited to `parts`. */
const partFilters = (parts: readonly SearchPartEntry[], filters: SearchFilters) => ({
  ...filters,
  [PART_FILTER]: { any: parts.map((part) => part.name) },
});

/** Paths of index files that failed to load, and who wants to hear of them. */
const failureListeners = new Set<(path: string) => void>();
/** `fetch` as it was before it was watched. */
let plainFetch: typeof fetch | undefined;

/**
 * Wraps `fetch` once, so that a failed request for a file under `indexBase` (a network error, or an HTTP error
 * that Pagefind would otherwise try to decompress) is reported and raised.
 */
function watchIndexRequests(indexBase: string): void {
  if (plainFetch) return;
  const fetchFile = (plainFetch = globalThis.fetch.bind(globalThis));
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(indexBase)) return fetchFile(input, init);
    const fail = (message: string) => {
      for (const listener of failureListeners) listener(url.pathname);
      return new Error(`${url.pathname}: ${message}`);
    };
    let response: Response;
    try {
      response = await fetchFile(input, init);
    } catch (error) {
      throw fail(error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw fail(`HTTP ${response.status}`);
    return response;
  };
}

export class PagefindParts implements SessionIndex {
  private readonly merged = new Map<string, Promise<void>>();
  /** Parts with a file that failed to load: Pagefind remembers the failure, so they stay broken until reloaded. */
  private readonly broken = new Set<string>();
  private readonly onFailure = (path: string) => {
    const part = this.partOfPath(path);
    if (part) this.broken.add(part.name);
  };

  /** Absent for an archive with nothing published: Pagefind cannot open an index without pages. */
  private readonly module: PagefindModule | undefined;
  readonly manifest: SearchPartsManifest;
  /** The manifest as served, to tell whether the site has been deployed since. */
  readonly manifestText: string;
  private readonly indexBase: string;
  private readonly siteBase: string;

  private constructor(module: PagefindModule | undefined, manifest: SearchPartsManifest, manifestText: string, indexBase: string, siteBase: string, lexicon = lexiconReader(manifest, indexBase)) {
    this.module = module;
    this.manifest = manifest;
    this.manifestText = manifestText;
    this.indexBase = indexBase;
    this.siteBase = siteBase;
    failureListeners.add(this.onFailure);
    this.lexicon = lexicon;
  }

  /**
   * Loads the manifest and Pagefind with the newest part; older parts are merged when first searched. `first`,
   * when the page already knows its first search (opened with ?q=), names the parts that search reads and the
   * text whose lexicon shards it looks up: all of it is asked for as soon as the manifest is in, at once,
   * instead of Pagefind's chain of entry file, then metadata, then the next part.
   */
  static async open(siteBase: string, first?: FirstSearch): Promise<PagefindParts> {
    const indexBase = `${siteBase}pagefind/`;
    watchIndexRequests(indexBase);
    const loading = import(/* @vite-ignore */ `${indexBase}pagefind.js`) as Promise<PagefindModule>;
    loading.catch(() => {}); // awaited below, after the manifest
    const manifestText = await fetchManifestText(indexBase);
    const manifest = parseSearchPartsManifest(JSON.parse(manifestText));
    const main = manifest.parts[0];
    if (!main || main.path !== '') throw new Error('parts.json lists no main index');
    // A new site with nothing published yet: every search finds nothing, and says so.
    if (manifest.parts.every((part) => part.pages === 0)) return new PagefindParts(undefined, manifest, manifestText, indexBase, siteBase);
    // While pagefind.js may still be on its way.
    preloadOpening([main, ...(first?.parts(manifest) ?? [])], indexBase);
    const lexicon = lexiconReader(manifest, indexBase);
    if (first?.lexiconText) lexicon.wordClasses(first.lexiconText).catch(() => {}); // the search asks again and reports
    const module = await loading;
    const index = new PagefindParts(module, manifest, manifestText, indexBase, siteBase, lexicon);
    // A part's name changes with its files, so its entry file may be cached (and preloaded) under it.
    await module.options({ baseUrl: siteBase, noWorker: true, metaCacheTag: main.name });
    await module.init();
    await module.options({ mergeFilter: { [PART_FILTER]: main.name } });
    index.merged.set(main.name, Promise.resolve());
    return index;
  }

  /** The archive's words, read shard by shard (lexiconReader). */
  readonly lexicon: LexiconReader;

  /** Whether the manifest on the server differs from the one loaded (the site was deployed since). */
  async isOutdated(): Promise<boolean> {
    return (await fetchManifestText(this.indexBase).catch(() => this.manifestText)) !== this.manifestText;
  }

  /** Releases Pagefind, so that the next `open` starts afresh (Pagefind keeps failed loads). */
  async close(): Promise<void> {
    failureListeners.delete(this.onFailure);
    await this.module?.destroy();
  }

  /** Whether a file of some part failed to load: Pagefind remembers failures, so the index must be reopened. */
  get hasFailures(): boolean {
    return this.broken.size > 0;
  }

  async search(
    parts: readonly SearchPartEntry[],
    query: string | null,
    { filters, byDate, days }: { filters: SearchFilters; byDate: boolean; days?: readonly string[] },
  ): Promise<Candidate[]> {
    if (!this.module) return [];
    await Promise.allSettled(parts.map((part) => this.merge(part)));
    this.assertLoaded(parts);
    let results: Candidate[];
    try {
      ({ results } = await this.module!.search(query, {
        filters: { ...partFilters(parts, filters), ...(days ? { [DAY_FILTER]: { any: days } } : {}) },
        ...(byDate ? { sort: { date: 'desc' } } : {}),
      }));
    } catch (error) {
      // Pagefind searches every merged part; one that failed to load makes every search fail.
      const broken = this.manifest.parts.filter((part) => this.broken.has(part.name));
      throw new PartLoadError(broken.length ? broken : parts, { cause: error });
    }
    this.assertLoaded(parts);
    return results;
  }

  /** Pagefind's phrase search of each term ("…"): the articles in which the index has its words side by side. */
  async likelyMatches(parts: readonly SearchPartEntry[], terms: readonly string[], { filters }: { filters: SearchFilters }): Promise<ReadonlySet<string>> {
    let likely: Set<string> | undefined;
    for (const term of terms) {
      const found = new Set((await this.search(parts, `"${term}"`, { filters, byDate: false })).map((candidate) => candidate.id));
      likely = likely ? new Set([...likely].filter((id) => found.has(id))) : found;
      if (likely.size === 0) break;
    }
    return likely ?? new Set();
  }

  /**
   * Loads what searching `parts` for `query` will need (their entry files and the index chunks of its words)
   * without searching, so that the search started by Enter finds them loaded. Failures are recorded as for a
   * search; the search that follows reports them.
   */
  async preload(parts: readonly SearchPartEntry[], query: string, filters: SearchFilters): Promise<void> {
    if (!this.module) return;
    await Promise.allSettled(parts.map((part) => this.merge(part)));
    if (this.hasFailures) return;
    await this.module.preload(query, { filters: partFilters(parts, filters) }).catch(() => {});
  }

  private merge(part: SearchPartEntry): Promise<void> {
    let merged = this.merged.get(part.name);
    if (!merged) {
      merged = this.module!.mergeIndex(`${this.indexBase}${part.path}`, {
        baseUrl: this.siteBase,
        mergeFilter: { [PART_FILTER]: part.name },
        // A part's files never change under its name, so its entry file may be cached like the rest.
        metaCacheTag: part.name,
      });
      this.merged.set(part.name, merged);
      merged.catch(() => this.broken.add(part.name));
    }
    return merged;
  }

  private assertLoaded(parts: readonly SearchPartEntry[]): void {
    const broken = parts.filter((part) => this.broken.has(part.name));
    if (broken.length) throw new PartLoadError(broken);
  }

  /** The part a file belongs to: the one with the longest path that contains it (the main index is pagefind/ itself). */
  private partOfPath(path: string): SearchPartEntry | undefined {
    let found: SearchPartEntry | undefined;
    for (const part of this.manifest.parts) {
      const base = `${this.indexBase}${part.path}`;
      if (path.startsWith(base) && (!found || part.path.length > found.path.length)) found = part;
    }
    return found;
  }
}

/**
 * The archive's words (lib/search/build/lexicon.ts): each shard fetched when a query first needs it, with the
 * lexicon's version, so that a page opened before a deploy never mixes files of two builds.
 */
function lexiconReader(manifest: SearchPartsManifest, indexBase: string): LexiconReader {
  const { path, version } = manifest.lexicon;
  return new LexiconReader(manifest.lexicon, async (file) => {
    const response = await (plainFetch ?? fetch)(`${indexBase}${path}${file}?v=${version}`);
    if (!response.ok) throw new Error(`${indexBase}${path}${file}: HTTP ${response.status}`);
    return response.json() as Promise<unknown>;
  });
}

/** What the page knows of its first search before the index is open (see PagefindParts.open). */
export interface FirstSearch {
  /** The parts its first step reads (lib/search/browser/plan.ts stepsForSearch). */
  parts(manifest: SearchPartsManifest): readonly SearchPartEntry[];
  /** The text whose lexicon shards it reads (lib/search/browser/session.ts preloadFor). */
  lexiconText?: string;
}

/** The URL Pagefind asks for a part's entry file: its name is the cache tag (metaCacheTag). */
const entryUrl = (indexBase: string, part: SearchPartEntry) => `${indexBase}${part.path}pagefind-entry.json?ts=${part.name}`;

/**
 * Tells the browser now what opening these parts will fetch (parts.json names it), so the files come in
 * parallel: on a phone's connection every round trip saved is 150 ms or more. A preload of `fetch` with
 * `crossorigin` is what Pagefind's own fetch of the same URL then takes, not a second download (a browser test
 * counts the requests).
 */
function preloadOpening(parts: readonly SearchPartEntry[], indexBase: string): void {
  const urls = new Set(parts.flatMap((part) => [entryUrl(indexBase, part), ...part.openingFiles.map((file) => `${indexBase}${part.path}${file}`)]));
  for (const url of urls) {
    if (document.head.querySelector(`link[rel="preload"][href="${CSS.escape(url)}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = url;
    document.head.append(link);
  }
}

async function fetchManifestText(indexBase: string): Promise<string> {
  // Always asked afresh (it is the one index file whose name does not change); the parts it lists are cached.
  const response = await (plainFetch ?? fetch)(`${indexBase}parts.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${indexBase}parts.json: HTTP ${response.status}`);
  return response.text();
}
