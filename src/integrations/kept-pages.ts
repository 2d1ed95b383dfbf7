/**
 * The pages Astro's incremental build may reuse, put into the output before Astro renders. Astro keeps a page
 * that is already in the output when its route's code and cacheKey are unchanged, and otherwise copies it from
 * its cache (cacheDir/dist) one file at a time, awaiting each: about 12 s at 10,000 articles, 70 s at 50,000.
 * Copied here all at once, it is a few seconds. Copies, not hard links: Astro writes a page it renders again
 * into the existing file, which through a link would change its cache before the build has succeeded.
 *
 * So this integration empties the output itself (Astro's own emptying is turned off, or it would delete the
 * copies), copies the kept pages, and after the pages are written removes each copy that the build neither
 * rendered again nor reused (a withdrawn article, a list grown shorter), before anything reads the output: the
 * output holds exactly what a cold build writes.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Astro's names for its incremental build's record and page copies inside the cache directory (core/build/incremental.js). */
const ASTRO_MANIFEST = 'incremental-build.json';
const ASTRO_PAGES = 'dist';
/** Copies at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const PARALLEL_COPIES = 16;

/** A copied page and its modification time right after the copy, to tell whether the build wrote it again. */
export type KeptPages = Map<string, bigint>;

/** Copies the pages Astro kept in `cacheDir` into `outDir` (which is empty); none when there is no record of them. */
export async function copyKeptPages(cacheDir: string, outDir: string): Promise<KeptPages> {
  const kept: KeptPages = new Map();
  const pages = join(cacheDir, ASTRO_PAGES);
  if (!existsSync(join(cacheDir, ASTRO_MANIFEST)) || !existsSync(pages)) return kept;
  const files = (await readdir(pages, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(pages, join(entry.parentPath, entry.name)));
  for (const dir of new Set(files.map((file) => dirname(join(outDir, file))))) await mkdir(dir, { recursive: true });
  let next = 0;
  const copyNext = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const target = join(outDir, file);
      await copyFile(join(pages, file), target);
      kept.set(file, (await lstat(target, { bigint: true })).mtimeNs);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_COPIES }, copyNext));
  return kept;
}

/**
 * Removes the copied pages that this build neither made nor reused: not in Astro's new record, and not written
 * since they were copied. Returns how many.
 */
export async function removeUnmadePages(cacheDir: string, outDir: string, kept: KeptPages): Promise<number> {
  if (kept.size === 0) return 0;
  const made = madePages(cacheDir, outDir);
  let removed = 0;
  for (const [file, copiedAt] of kept) {
    if (made.has(file)) continue;
    const target = join(outDir, file);
    const now = await lstat(target, { bigint: true }).catch(() => undefined);
    if (now && now.mtimeNs !== copiedAt) continue; // written by this build (by a route without a cacheKey)
    await rm(target, { force: true });
    removed++;
  }
  return removed;
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
  let copying: Promise<KeptPages> = Promise.resolve(new Map());
  return {
    name: 'news-kept-pages',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            build: { emptyOutDir: false },
            // The copying runs while Vite bundles; a bundle is not finished, so no page is rendered, before it is.
            plugins: [{ name: 'news-kept-pages:copied', apply: 'build', closeBundle: async () => void (await copying) }],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        // After the content is synced (begun together, the two took longer than one after the other), while
        // Vite bundles.
        await emptyDirectory(outDir);
        const started = performance.now();
        copying = copyKeptPages(cacheDir, outDir).then((kept) => {
          if (kept.size) logger.info(`copied ${kept.size} page(s) the build may reuse in ${((performance.now() - started) / 1000).toFixed(1)} s`);
          return kept;
        });
        copying.catch(() => {}); // awaited where it matters; a failure must not count as unhandled before then
      },
      'astro:build:done': async ({ logger }) => {
        const removed = await removeUnmadePages(cacheDir, outDir, await copying);
        if (removed) logger.info(`removed ${removed} page(s) this build no longer makes`);
      },
    },
  };
}

/** What Astro's emptying does: everything in the directory goes, except a .git a site may be published from. */
async function emptyDirectory(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (const name of await readdir(dir)) if (name !== '.git') await rm(join(dir, name), { recursive: true, force: true });
}
