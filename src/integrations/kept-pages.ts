/**
 * The pages Astro's incremental build may reuse, put into the output without copying them. Astro keeps a page
 * that is already in the output when its route's code and cacheKey are unchanged, and otherwise copies it from
 * its cache (cacheDir/dist) one file at a time, awaiting each: about 70 s at 50,000 articles; copied all at once
 * it was still 30 s (docs/performance.md). A hard link copies nothing, but Astro writes a page it renders again
 * into the file that is there: through a link, into the last build's page — in the cache, and in the site
 * served from the last output — before this build has succeeded.
 *
 * So no file a build has made is ever written again:
 * - At the start, the cache's pages move aside (`dist` → `dist-kept`, one rename), and each kept page gets an
 *   empty placeholder in the output. Astro finds it there and reuses the page, or renders the page again into
 *   the placeholder, a file of this build's own; its copies of what it renders go into a new, empty `dist`.
 * - After the pages, before anything reads them: each placeholder Astro left empty becomes a hard link to the
 *   kept page (a copy across file systems), and a page this build no longer makes (a withdrawn article, a list
 *   grown shorter) is removed; the kept pages, with Astro's new copies in place of the pages it rendered again,
 *   become the cache's `dist`.
 * A build stopped between the two leaves `dist-kept` behind; the next build puts it back when Astro's record of
 * the pages is still the one they were kept under, and otherwise forgets the record (every page is rendered).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { linkOrCopyAsync } from '../build/link-tree.ts';

/** Astro's names for its incremental build's record and page copies inside the cache directory (core/build/incremental.js). */
const ASTRO_MANIFEST = 'incremental-build.json';
const ASTRO_PAGES = 'dist';
/** Where the last build's pages wait while this one runs, and the digest of Astro's record when they were set aside. */
const SET_ASIDE = 'dist-kept';
const SET_ASIDE_RECORD = 'dist-kept.record';
/** What this integration keeps in the cache directory besides Astro's own (src/build/build-site.ts drops them with it). */
export const KEPT_PAGES_FILES = [SET_ASIDE, SET_ASIDE_RECORD];
/** File operations at once: enough to keep the disk and Node's I/O threads busy, far from the open-file limit. */
const AT_ONCE = 16;

/** The last build's pages, set aside in `dir`; `files` have a placeholder in the output. */
export interface KeptPages {
  dir: string;
  files: string[];
}

/**
 * Sets the cache's pages aside and puts an empty placeholder for each into `outDir` (which is empty): none when
 * Astro has no record of them. Astro's copies of the pages this build renders then go into a new directory.
 */
export async function setAsideKeptPages(cacheDir: string, outDir: string): Promise<KeptPages> {
  await recoverStoppedBuild(cacheDir);
  const pages = join(cacheDir, ASTRO_PAGES);
  const aside = join(cacheDir, SET_ASIDE);
  const none = { dir: aside, files: [] };
  if (!existsSync(pages)) return none;
  const manifest = join(cacheDir, ASTRO_MANIFEST);
  if (!existsSync(manifest)) {
    // Pages without a record are never reused, and Astro would write into them.
    await rm(pages, { recursive: true, force: true });
    return none;
  }
  await writeFile(join(cacheDir, SET_ASIDE_RECORD), digestOf(manifest));
  await rename(pages, aside);
  const files = await filesUnder(aside);
  await eachAtOnce([...new Set(files.map((file) => dirname(join(outDir, file))))], (dir) => mkdir(dir, { recursive: true }));
  await eachAtOnce(files, (file) => writeFile(join(outDir, file), ''));
  return { dir: aside, files };
}

/**
 * After the pages: links each page Astro reused to its kept copy, removes the pages this build no longer makes,
 * and makes the kept pages with Astro's new copies the cache's pages. Returns how many were linked and removed.
 */
export async function settleKeptPages(cacheDir: string, outDir: string, kept: KeptPages): Promise<{ reused: number; removed: number }> {
  const pages = join(cacheDir, ASTRO_PAGES);
  if (kept.files.length === 0) {
    await rm(kept.dir, { recursive: true, force: true });
    await rm(join(cacheDir, SET_ASIDE_RECORD), { force: true });
    return { reused: 0, removed: 0 };
  }
  const made = madePages(cacheDir, outDir);
  let reused = 0;
  let removed = 0;
  await eachAtOnce(kept.files, async (file) => {
    const target = join(outDir, file);
    const keptCopy = join(kept.dir, file);
    // Written by Astro since the placeholder was made: rendered again (a page is never empty).
    const rendered = ((await lstat(target).catch(() => undefined))?.size ?? 0) > 0;
    if (!made.has(file)) {
      if (!rendered) {
        await rm(target, { force: true });
        removed++;
      }
      await rm(keptCopy, { force: true }); // as Astro prunes the copy of a path it no longer records
      return;
    }
    if (rendered) return;
    await unlink(target);
    await linkOrCopyAsync(keptCopy, target); // a copy when the output is on another file system
    reused++;
  });
  // Astro's copies of what it rendered replace the kept ones; then they are the cache's pages.
  for (const file of await filesUnder(pages)) {
    await mkdir(dirname(join(kept.dir, file)), { recursive: true });
    await rename(join(pages, file), join(kept.dir, file));
  }
  await rm(pages, { recursive: true, force: true });
  await rename(kept.dir, pages);
  await rm(join(cacheDir, SET_ASIDE_RECORD), { force: true });
  return { reused, removed };
}

/**
 * A build stopped after setting the pages aside and before settling them: they are put back while Astro's
 * record is still the one they were kept under (Astro writes it after the last page); otherwise the record may
 * be the stopped build's, and it goes — every page is rendered again, never a stale one reused.
 */
async function recoverStoppedBuild(cacheDir: string): Promise<void> {
  const aside = join(cacheDir, SET_ASIDE);
  if (!existsSync(aside)) return;
  const manifest = join(cacheDir, ASTRO_MANIFEST);
  const recorded = await readFile(join(cacheDir, SET_ASIDE_RECORD), 'utf8').catch(() => '');
  const unchanged = recorded !== '' && existsSync(manifest) && digestOf(manifest) === recorded;
  await rm(join(cacheDir, ASTRO_PAGES), { recursive: true, force: true }); // the stopped build's own copies
  if (unchanged) {
    await rename(aside, join(cacheDir, ASTRO_PAGES));
  } else {
    await rm(manifest, { force: true });
    await rm(aside, { recursive: true, force: true });
  }
  await rm(join(cacheDir, SET_ASIDE_RECORD), { force: true });
}

function digestOf(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

async function eachAtOnce<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
}

interface AstroIncrementalRecord {
  version?: unknown;
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

/**
 * Astro's own record of the incremental build is not public API: what this reads of it (version 1: routes →
 * paths → outputFile) is checked, so that an Astro upgrade that changes it stops the build with this message
 * instead of removing the wrong pages (tests/build/build-site.test.ts reads a real one).
 */
export function readIncrementalRecord(text: string): Required<AstroIncrementalRecord> {
  const record = JSON.parse(text) as AstroIncrementalRecord;
  const routes = record.routes;
  const shaped =
    record.version === 1 &&
    routes !== null &&
    typeof routes === 'object' &&
    Object.values(routes).every((route) => route !== null && typeof route === 'object' && (route.paths === undefined || Object.values(route.paths).every((path) => path !== null && typeof path === 'object')));
  if (!shaped) {
    throw new Error(`Astro's ${ASTRO_MANIFEST} is not in the form src/integrations/kept-pages.ts reads (version 1, routes → paths → outputFile): an Astro upgrade changed it; update madePages`);
  }
  return record as Required<AstroIncrementalRecord>;
}

/** The output files Astro recorded in this build, as paths relative to the output directory. */
function madePages(cacheDir: string, outDir: string): Set<string> {
  const record = readIncrementalRecord(readFileSync(join(cacheDir, ASTRO_MANIFEST), 'utf8'));
  const made = new Set<string>();
  // Astro records each file as the rest of its URL after the output directory's (so percent-encoded).
  const base = pathToFileURL(join(outDir, '/'));
  for (const route of Object.values(record.routes ?? {})) {
    for (const path of Object.values(route.paths ?? {})) if (path.outputFile) made.add(relative(outDir, fileURLToPath(new URL(path.outputFile, base))));
  }
  return made;
}

export default function keptPagesIntegration(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let building = false;
  let settingAside: Promise<KeptPages> = Promise.resolve({ dir: '', files: [] });
  return {
    name: 'news-kept-pages',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        building = true;
        updateConfig({
          vite: {
            build: { emptyOutDir: false },
            // The placeholders are made while Vite bundles; a bundle is not finished, so no page is rendered, before they are.
            plugins: [{ name: 'news-kept-pages:set-aside', apply: 'build', closeBundle: async () => void (await settingAside) }],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        if (!building) return;
        // From the start, while the content syncs and Vite bundles: at 50,000 articles the placeholders are
        // 73,000 directories and files to create (metadata only, yet about 12 s on this kind of machine). A
        // build that stops before its pages (a bad article) gets the pages back next time.
        settingAside = emptyDirectory(outDir).then(() => setAsideKeptPages(cacheDir, outDir));
        settingAside.catch(() => {}); // awaited where it matters; a failure must not count as unhandled before then
      },
      'astro:build:done': async ({ logger }) => {
        const started = performance.now();
        const kept = await settingAside;
        const { reused, removed } = await settleKeptPages(cacheDir, outDir, kept);
        if (kept.files.length) logger.info(`reused ${reused} page(s) of the last build, linked in ${((performance.now() - started) / 1000).toFixed(1)} s${removed ? `; removed ${removed} it no longer makes` : ''}`);
      },
    },
  };
}

/** What Astro's emptying does: everything in the directory goes, except a .git a site may be published from. */
async function emptyDirectory(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (const name of await readdir(dir)) if (name !== '.git') await rm(join(dir, name), { recursive: true, force: true });
}
