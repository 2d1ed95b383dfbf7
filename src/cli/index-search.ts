/**
 * The search indexer: reads every published article from the content directory, turns it into a search
 * record (lib/search-index.ts) and writes a Pagefind index in parts (lib/search-parts.ts) to --out, with a
 * parts.json manifest. The Pagefind integration starts it when `astro build` starts, as a process of its own,
 * so indexing runs on the second core while Astro renders the pages, and moves the result into dist/pagefind
 * when the pages are written.
 *
 *   node src/cli/index-search.ts --out <dir> [--cache <dir>] [--wait-for-start]
 *
 * With --cache it keeps each part it writes there under a key of its period, its articles' file digests and
 * the indexer's fingerprint (its code, the lock file, its settings, Node's ICU), and copies a part whose key
 * is there instead of indexing it again: a build after one new article re-indexes only that article's period.
 *
 * With --wait-for-start it reads and checks the articles, then waits for a line on stdin before it starts
 * Pagefind: the build sends it when Astro has finished bundling, the moment Astro's own memory peaks
 * (see src/integrations/pagefind.ts).
 *
 * It reads the Markdown rather than the built pages: the text is the same (plain text of the article), and it
 * does not have to wait for the pages. It reads each file as the content layer does (lib/article-file.ts): a file
 * that is not valid UTF-8 or not a valid article stops it with the same file:line message, never indexed half-read.
 * Each part (lib/search-parts.ts: a year, or a span of months of a crowded year) is named by its period and
 * a hash of its files, so a part whose articles did not change keeps its name and its bytes from build to
 * build, and a reader's browser or a CDN never mixes files of two builds under one name.
 *
 * Environment: CONTENT_DIR, BUILD_TIME (what is published), SEARCH_PAGES_PER_PART (the most articles in one
 * part), SEARCH_FIRST_STEP_PAGES (articles a search reads before its first screen, lib/search-plan.ts),
 * PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (default 2000, see below).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as pagefind from 'pagefind';
import { fingerprint } from './fingerprint.ts';
import { linkTree } from './link-tree.ts';
import { readArchiveList, readIndexedText, type IndexedArticle } from '../lib/index-input.ts';
import { ARCHIVE_MANIFEST, type ArchiveEntry, type ArchiveManifest } from '../lib/archive-manifest.ts';
import { isoDay } from '../lib/dates.ts';
import { commonHanCharacters, tonelessReadings } from '../lib/pinyin-readings.ts';
import {
  addCounts,
  articleLexiconWords,
  buildLexicon,
  countWords,
  keptCounts,
  LEXICON_DIR,
  lexiconWords,
  type ArticleWords,
  type LexiconManifest,
  type WordCounts,
  type WordCutter,
} from '../lib/search-lexicon.ts';
import { indexedText, searchIndexRecord, type SearchIndexRecord } from '../lib/search-index.ts';
import { planSearchParts, searchPartsManifest } from '../lib/search-parts.ts';

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
/** Records handed to Pagefind at once; each is one message to its process. */
const RECORD_BATCH = 200;

/**
 * Postings per index chunk (Pagefind's default is 20,000). A search fetches one chunk per query word from every
 * part it reads; smaller chunks carry fewer neighbouring words. On 10,000 articles in year parts, a first
 * search transfers a median 252 KB with chunks of 2,000 against 280 KB with 5,000 (476 KB with 20,000 when
 * the index was in four merged parts; docs/performance.md). Pagefind reads it from this environment variable,
 * marked unstable: with the version pinned it changes only the chunk size, never what is found.
 */
const INDEX_CHUNK_SIZE = '2000';

/** A published article; its text (lib/index-input.ts) is read only when its part's words or records are made. */
export interface PublishedArticle {
  date: string;
  key: string;
  /** SHA-256 of the article's file. */
  digest: string;
  reporters: string[];
  /** Its words for the lexicon (lib/search-lexicon.ts), cut when its part is written. */
  words(cutter: WordCutter): ArticleWords;
  /** Its line in the archive's manifest; the part is filled in when the part is written. */
  entry: ArchiveEntry;
  record(): SearchIndexRecord;
}

/**
 * The archive as its source listed it, and the published articles ready to index, with the paths the site
 * gives them (no base path; the search page adds it); `text` gives an article's text by digest.
 */
export function publishedArticles(manifest: ArchiveManifest, text: (digest: string) => IndexedArticle): PublishedArticle[] {
  return manifest.articles
    .filter((entry) => entry.published)
    .map((entry) => {
      return {
        date: isoDay(new Date(entry.date)),
        key: entry.id,
        digest: entry.digest,
        reporters: entry.reporters ?? [],
        words: (cutter: WordCutter) => {
          const { article, lines } = text(entry.digest);
          return articleLexiconWords(article, indexedText(article, lines).split('\n'), cutter);
        },
        entry,
        record: () => {
          const { article, lines } = text(entry.digest);
          return searchIndexRecord(article, lines, entry.url);
        },
      };
    });
}

async function writePart(articles: readonly PublishedArticle[], outputPath: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    for (let start = 0; start < articles.length; start += RECORD_BATCH) {
      const batch = articles.slice(start, start + RECORD_BATCH);
      const added = await Promise.all(batch.map((article) => index.addCustomRecord(article.record())));
      const failed = added.flatMap((result) => result.errors);
      if (failed.length) throw new Error(`Pagefind 建索引出错：${failed.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind 写索引出错：${written.errors.join('; ')}`);
  } finally {
    // A new Pagefind process for each part: the memory of the last one is returned to the system.
    await pagefind.close();
  }
}

/**
 * jieba's dictionary of general Chinese, with its HMM for names that no dictionary has (马素华 in a list of
 * officials): how the lexicon knows where a query's words end.
 */
function lexiconCutter(): WordCutter {
  const jieba = Jieba.withDict(dict);
  return { cut: (text) => jieba.cut(text, true), cutForSearch: (text) => jieba.cutForSearch(text, true) };
}

/** How many of `articles` have each word and pair: read from the part's cache entry, or counted and kept there. */
function partWordCounts(articles: readonly PublishedArticle[], cutter: () => WordCutter, cached: string | undefined): WordCounts {
  const file = cached && `${cached}.words.json`;
  if (file && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { words: Record<string, number>; pairs: Record<string, number> };
    return { words: new Map(Object.entries(saved.words)), pairs: new Map(Object.entries(saved.pairs)) };
  }
  const counts: WordCounts = { words: new Map(), pairs: new Map() };
  const cut = cutter();
  for (const article of articles) countWords(counts, article.words(cut));
  const kept = keptCounts(counts);
  if (file) {
    writeFileSync(`${file}.partial`, JSON.stringify({ words: Object.fromEntries(kept.words), pairs: Object.fromEntries(kept.pairs) }));
    renameSync(`${file}.partial`, file);
  }
  return kept;
}

/**
 * Writes the lexicon of the archive (lib/search-lexicon.ts) under `outDir`/lexicon/: word, pinyin and
 * reading shards; returns what parts.json says of it.
 */
function writeLexicon(counts: WordCounts, articles: number, outDir: string): LexiconManifest {
  const { files, manifest } = buildLexicon(lexiconWords(counts), articles, tonelessReadings, commonHanCharacters());
  const dir = join(outDir, LEXICON_DIR);
  mkdirSync(dir, { recursive: true });
  const version = createHash('sha256');
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    writeFileSync(join(dir, name), text);
    version.update(`${name}\0${text}\0`);
  }
  return { path: LEXICON_DIR, version: version.digest('hex').slice(0, 10), ...manifest };
}

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

/**
 * What a part's files are made from besides its articles: the code that turns an article into a record and
 * writes the index (all of src/lib, this file and what it reads; the lock file, which pins Pagefind), the
 * settings that shape the index, and Node's ICU, whose dictionary splits the words. Any change makes every
 * part new: a stale part cannot be reused by construction, at the price of re-indexing after unrelated changes
 * to src/lib.
 */
export function indexerFingerprint(root: string, settings: Record<string, string | undefined>): string {
  return fingerprint(root, ['src/lib', 'src/markdown.ts', 'src/cli/index-search.ts', 'src/cli/fingerprint.ts', 'package-lock.json'], settings);
}

/** The key of a part in the cache: its period, its articles (id and file digest), and the fingerprint. */
function partKey(period: string, articles: readonly PublishedArticle[], indexer: string): string {
  const hash = createHash('sha256').update(`${indexer}\0${period}\0`);
  for (const article of articles) hash.update(`${article.key}\0${article.digest}\0`);
  return `${period}-${hash.digest('hex').slice(0, 32)}`;
}

/** A name for a part's files: the same files give the same name on every machine. */
function hashDirectory(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${relative(dir, file).split('\\').join('/')}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 10);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, out: { type: 'string' }, 'wait-for-start': { type: 'boolean', default: false }, cache: { type: 'string' } },
  });
  if (!values.out || !values.source) throw new Error('usage: node src/cli/index-search.ts --source <dir> --out <dir> [--cache <dir>] [--wait-for-start]');
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
    written.push({ name, from: part.from, to: part.to, pages: part.items.length, reporters });
  }
  writeFileSync(join(values.out, 'parts.json'), `${JSON.stringify(searchPartsManifest(written, firstStepPages, lexicon))}\n`);
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
    console.error(`index-search: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
