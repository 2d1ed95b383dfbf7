/**
 * The search index, built by `astro build` itself. When the build starts, the indexer (src/search-indexer/indexer.ts)
 * starts as a process of its own and takes the published articles as the content sync handed them over (the
 * archive's list and each text in the cache, lib/archive/index-input.ts: no article file is opened); once Astro has
 * bundled, it indexes them while Astro renders the pages (the machine's second core); when the pages are written, its parts are hard-linked (copied where
 * a link cannot be made) into dist/pagefind: the newest part is the main index (with pagefind.js), older parts go to pagefind/parts/<name>/
 * without the browser files they would duplicate, and pagefind/parts.json lists them for the search page.
 * A failure fails the build and leaves no index.
 *
 * In `astro dev` there is no build output, so the dev server serves the index of the last build
 * (dist/pagefind/) instead: search works while editing, over the content as it was last built.
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { linkTree } from '../build/link-tree.ts';
import { ARCHIVE_MANIFEST, archiveChanges, describeChanges, pagesAgainstManifest, type ArchiveManifest } from '../lib/archive/manifest.ts';
import { INDEX_INPUT_DIR } from '../lib/archive/index-input.ts';
import type { SearchPartsManifest } from '../lib/search/parts-manifest.ts';
import { createUrls } from '../lib/urls.ts';

const INDEX_DIR = 'pagefind';
const INDEXER = fileURLToPath(new URL('../search-indexer/indexer.ts', import.meta.url));
/** What an older part needs in the browser; pagefind.js and the WebAssembly come from the main index. */
const PART_FILES = new Set(['pagefind-entry.json', 'index', 'fragment', 'filter']);

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

interface RunningIndexer {
  done: Promise<string>;
  /** Lets the indexer start Pagefind (it has read the articles by then, or will go on as soon as it has). */
  release(): void;
}

export default function pagefindIntegration(): AstroIntegration {
  let outDir = 'dist';
  let stagingDir = '';
  let partsCacheDir = '';
  let cacheDir = '';
  let base = '/';
  let indexer: RunningIndexer | undefined;
  return {
    name: 'news-pagefind',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        // Astro's bundling is its most memory-hungry moment (at 50,000 articles its process passes 3.3 GiB
        // while Vite bundles, then renders at about 2.7 GiB); a Pagefind process beside it (up to 0.75 GiB)
        // made the build's peak. The indexer reads the articles meanwhile and starts Pagefind when the
        // first bundle is written — about 15 s later at 50,000 articles, well within the time the pages take.
        updateConfig({ vite: { plugins: [{ name: 'news-pagefind:after-bundling', apply: 'build', closeBundle: () => indexer?.release() }] } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        stagingDir = join(cacheDir, 'search-index');
        // Parts of earlier builds, reused when their articles and the indexer are the same (src/search-indexer/parts.ts).
        partsCacheDir = join(cacheDir, 'search-parts');
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': () => {
        // The articles loader has synced by now: the list of the archive and the texts are written.
        indexer = startIndexer(join(cacheDir, INDEX_INPUT_DIR), stagingDir, partsCacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const waitStarted = performance.now();
        try {
          if (!indexer) throw new Error('the search indexer was not started');
          // Were the bundling hook ever skipped, the indexer would still not wait for ever.
          indexer.release();
          const summary = await indexer.done;
          const waited = ((performance.now() - waitStarted) / 1000).toFixed(1);
          // The pages Astro wrote must be exactly the published articles of the archive's list, each in a part
          // of the index.
          const manifest = JSON.parse(await readFile(join(stagingDir, ARCHIVE_MANIFEST), 'utf8')) as ArchiveManifest;
          const problems = pagesAgainstManifest(manifest, await articlePageUrls(siteDir));
          if (problems.length) throw new Error(`网站页面与文章清单不一致：\n${problems.join('\n')}`);
          await assembleIndex(join(siteDir, INDEX_DIR), stagingDir);
          logger.info(`${summary} (waited ${waited} s after the pages)`);
          const previous = await readFile(join(cacheDir, ARCHIVE_MANIFEST), 'utf8').then((text) => JSON.parse(text) as ArchiveManifest, () => undefined);
          logger.info(describeChanges(archiveChanges(previous, manifest)));
          await writeFile(join(cacheDir, ARCHIVE_MANIFEST), JSON.stringify(manifest));
        } finally {
          await rm(stagingDir, { recursive: true, force: true });
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const indexDir = join(outDir, INDEX_DIR);
        logger.info(`search in dev uses the index of the last build: ${indexDir}`);
        server.middlewares.use(async (request, response, next) => {
          const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
          if (!path.startsWith(`${base}${INDEX_DIR}/`)) return next();
          const file = normalize(join(indexDir, path.slice(`${base}${INDEX_DIR}/`.length)));
          if (!file.startsWith(indexDir)) return next();
          try {
            const body = await readFile(file);
            response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
            response.setHeader('Cache-Control', 'no-store');
            response.end(body);
          } catch {
            next();
          }
        });
      },
    },
  };
}

/** Starts the indexer; `done` resolves with its summary line, or rejects with its output when it fails. */
function startIndexer(sourceDir: string, outputDir: string, cacheDir: string): RunningIndexer {
  // A young generation of 8 MB instead of V8's default (up to 64 MB per semi-space here): the indexer's
  // garbage is short-lived parsing and segmenting; in a 10,000-article build its process holds about 190 MiB
  // instead of 310 (docs/performance.md).
  const child = spawn(process.execPath, ['--max-semi-space-size=8', INDEXER, '--source', sourceDir, '--out', outputDir, '--cache', cacheDir, '--wait-for-start'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    child.stdin?.end('start\n');
  };
  // An indexer that has already failed has closed its stdin; writing to it must not fail the build.
  child.stdin?.on('error', () => {});
  // A build that stops early (a bad article) must not leave the indexer running.
  const stop = () => child.kill();
  process.once('exit', stop);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const done = new Promise<string>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('exit', stop);
      if (code === 0) resolve(output.trim().split('\n').pop() ?? '');
      else reject(new Error(`搜索索引建立失败（${signal ?? `exit code ${code}`}）：\n${output.trim()}`));
    });
  });
  // Handled in astro:build:done; until then a failure must not count as unhandled.
  done.catch(() => {});
  return { done, release };
}

const pageUrls = createUrls('/');

/** The article pages Astro wrote (articles/<id>/index.html), as paths under the base: /articles/<id>/. */
async function articlePageUrls(siteDir: string): Promise<string[]> {
  const files = await readdir(join(siteDir, 'articles'), { recursive: true }).catch(() => [] as string[]);
  return files
    .filter((file) => file.endsWith(`${sep}index.html`))
    .map((file) => pageUrls.article(dirname(file).split(sep).join('/')));
}

/** Links the staged parts into pagefind/: the newest part as the main index, the others under parts/. */
async function assembleIndex(indexDir: string, stagingDir: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(stagingDir, 'parts.json'), 'utf8')) as SearchPartsManifest;
  await rm(indexDir, { recursive: true, force: true });
  await mkdir(indexDir, { recursive: true });
  for (const part of manifest.parts) {
    const target = join(indexDir, part.path);
    // Linked, not renamed: the staged part is also the cached one (src/search-indexer/parts.ts).
    linkTree(join(stagingDir, part.name), target);
    if (part.path === '') continue;
    for (const entry of await readdir(target)) {
      if (!PART_FILES.has(entry) && !entry.endsWith('.pf_meta')) await rm(join(target, entry), { recursive: true });
    }
  }
  // Linked too: 9,275 files at 50,000 articles, written afresh by each build's indexer, never in place.
  linkTree(join(stagingDir, manifest.lexicon.path), join(indexDir, manifest.lexicon.path));
  await cp(join(stagingDir, 'parts.json'), join(indexDir, 'parts.json'));
}
