/**
 * The search indexer, a process of its own: the Pagefind integration (src/integrations/pagefind.ts) starts it
 * when `astro build` starts, so indexing runs on the second core while Astro renders the pages, and moves its
 * output into dist/pagefind when the pages are written.
 *
 *   node src/search-indexer/indexer.ts --source <dir> --out <dir> [--cache <dir>] [--wait-for-start]
 *
 * It never reads an article file: --source is what the archive's source handed over while the content layer
 * synced (lib/archive/index-input.ts: the list of the archive, each article's text by digest). It plans the parts
 * (lib/search/build/parts-plan.ts: a year, or a span of months of a crowded year), makes the archive's lexicon
 * (lexicon.ts), writes each part with Pagefind (parts.ts) and parts.json, and the list of the archive with the
 * part of each article for the build's checks.
 *
 * With --cache it keeps each part it writes there under a key of its period, its articles' file digests and
 * the indexer's fingerprint (its code, the lock file, its settings, Node's ICU), and copies a part whose key
 * is there instead of indexing it again: a build after one new article re-indexes only that article's period.
 * Each part is named by its period and a hash of its files, so a part whose articles did not change keeps its
 * name and its bytes from build to build, and a reader's browser or a CDN never mixes two builds' files.
 *
 * With --wait-for-start it makes the lexicon, then waits for a line on stdin before it starts Pagefind: the
 * build sends it when Astro has finished bundling, the moment Astro's own memory peaks.
 *
 * Environment: SEARCH_PAGES_PER_PART (the most articles in one part), SEARCH_FIRST_STEP_PAGES (articles a
 * search reads before its first screen, lib/search/browser/plan.ts), PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE
 * (default 2000, see below).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { linkTree } from '../build/link-tree.ts';
import { readArchiveList, readIndexedText } from '../lib/archive/index-input.ts';
import { ARCHIVE_MANIFEST } from '../lib/archive/manifest.ts';
import { addCounts, type WordCounts, type WordCutter } from '../lib/search/build/lexicon.ts';
import { pagefindOpeningFiles, planSearchParts, searchPartsManifest } from '../lib/search/build/parts-plan.ts';
import { toSearchPartsFile } from '../lib/search/parts-manifest.ts';
import { lexiconCutter, partWordCounts, writeLexicon } from './lexicon.ts';
import { hashDirectory, indexerFingerprint, partKey, writePart } from './parts.ts';
import { publishedArticles } from './published.ts';

/**
 * Pagefind 1.6.0 needs about 0.25 MB per article while writing an index; 2,500 keeps one part near 0.6 GiB
 * beside Astro's own memory (docs/performance.md). A year with more articles is cut into spans of months.
 */
const DEFAULT_PAGES_PER_PART = '2500';

/**
 * What a first search reads: the newest parts holding at least this many articles. A first search then costs
 * the same at 50,000 articles as at 5,000 (docs/performance.md); older parts are read as the reader asks.
 */
const DEFAULT_FIRST_STEP_PAGES = '3000';

function positiveInteger(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} 应为正整数，现在是“${value}”`);
  return parsed;
}

/**
 * Postings per index chunk (Pagefind's default is 20,000). A search fetches one chunk per query word from every
 * part it reads; smaller chunks carry fewer neighbouring words. On 10,000 articles in year parts, a first
 * search transfers a median 252 KB with chunks of 2,000 against 280 KB with 5,000 (476 KB with 20,000 when
 * the index was in four merged parts; docs/performance.md). Pagefind reads it from this environment variable,
 * marked unstable: with the version pinned it changes only the chunk size, never what is found.
 */
const INDEX_CHUNK_SIZE = '2000';

/**
 * Resolves when a line arrives on stdin, or stdin ends (the build that started the indexer ended early: the
 * indexer goes on rather than waiting for ever, and the build no longer wants its output).
 */
function startSignal(): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      process.stdin.off('data', go).off('end', go).pause();
      resolve();
    };
    process.stdin.on('data', go).on('end', go);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, out: { type: 'string' }, 'wait-for-start': { type: 'boolean', default: false }, cache: { type: 'string' } },
  });
  if (!values.out || !values.source) throw new Error('usage: node src/search-indexer/indexer.ts --source <dir> --out <dir> [--cache <dir>] [--wait-for-start]');
  const started = performance.now();
  await rm(values.out, { recursive: true, force: true });
  if (values.cache) mkdirSync(values.cache, { recursive: true });
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  const maxPages = positiveInteger('SEARCH_PAGES_PER_PART', process.env.SEARCH_PAGES_PER_PART ?? DEFAULT_PAGES_PER_PART);
  const firstStepPages = positiveInteger('SEARCH_FIRST_STEP_PAGES', process.env.SEARCH_FIRST_STEP_PAGES ?? DEFAULT_FIRST_STEP_PAGES);
  const manifest = readArchiveList(values.source);
  const articles = publishedArticles(manifest, (digest) => readIndexedText(values.source!, digest));
  const planned = planSearchParts(articles, maxPages);
  // An archive with nothing published still gets an (empty) index, so the search page loads and finds nothing.
  const year = new Date(manifest.builtAt).getUTCFullYear();
  const parts = planned.length ? planned : [{ period: 'empty', from: `${year}-01-01`, to: `${year}-12-31`, items: [] }];
  const indexer = values.cache
    ? indexerFingerprint(fileURLToPath(new URL('../..', import.meta.url)), { chunkSize: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, maxPages: String(maxPages) })
    : '';
  const cachedOf = (part: (typeof parts)[number]) => (values.cache ? join(values.cache, partKey(part.period, part.items, indexer)) : undefined);
  // The lexicon is made while Astro bundles (before the start signal): the words of each part, cut by jieba or
  // read from the part's cache entry, take the second core while it is free, not after.
  const lexiconStarted = performance.now();
  let cutter: WordCutter | undefined;
  const cut = () => (cutter ??= lexiconCutter());
  const wordCounts: WordCounts = { words: new Map(), pairs: new Map() };
  for (const part of parts) addCounts(wordCounts, partWordCounts(part.items, cut, cachedOf(part)));
  const lexicon = writeLexicon(wordCounts, articles.length, values.out);
  const lexiconSeconds = (performance.now() - lexiconStarted) / 1000;
  if (values['wait-for-start']) await startSignal();
  const written = [];
  const cachedKeys = new Set<string>();
  let reused = 0;
  for (const part of parts) {
    const staging = join(values.out, `${part.period}.partial`);
    const cached = cachedOf(part);
    if (cached && existsSync(cached)) {
      linkTree(cached, staging);
      reused += 1;
    } else {
      await writePart(part.items, staging);
      // Written beside, then renamed: a build stopped half-way leaves no half-copied part under a key.
      if (cached) {
        linkTree(staging, `${cached}.partial`);
        renameSync(`${cached}.partial`, cached);
      }
    }
    if (cached) cachedKeys.add(basename(cached)).add(`${basename(cached)}.words.json`);
    const name = `${part.period}-${hashDirectory(staging)}`;
    renameSync(staging, join(values.out, name));
    for (const article of part.items) article.entry.part = name;
    const reporters = part.items.flatMap((article) => article.reporters);
    written.push({ name, from: part.from, to: part.to, pages: part.items.length, reporters, entry: join(values.out, name, 'pagefind-entry.json') });
  }
  // Newest first in parts.json: the last written is the main index.
  const named = written.map(({ entry, ...part }, index) => ({
    ...part,
    openingFiles: pagefindOpeningFiles(existsSync(entry) ? JSON.parse(readFileSync(entry, 'utf8')) : undefined, index === written.length - 1),
  }));
  writeFileSync(join(values.out, 'parts.json'), `${JSON.stringify(toSearchPartsFile(searchPartsManifest(named, firstStepPages, lexicon)))}\n`);
  // Not for the site (it lists drafts and embargoes): the build checks its pages against it (integrations/pagefind.ts).
  writeFileSync(join(values.out, ARCHIVE_MANIFEST), `${JSON.stringify(manifest)}\n`);
  // The cache keeps only this build's parts: an edited period's old part is never needed again.
  if (values.cache) for (const entry of readdirSync(values.cache)) if (!cachedKeys.has(entry)) rmSync(join(values.cache, entry), { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const reuse = values.cache ? ` (${reused} reused from the cache)` : '';
  console.log(`indexed ${articles.length} articles in ${parts.length} parts in ${seconds} s${reuse}; lexicon of ${lexicon.words + lexicon.pinyin + lexicon.readings} files in ${lexiconSeconds.toFixed(1)} s`);
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(`search indexer: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
