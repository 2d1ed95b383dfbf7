/**
 * The search indexer: reads every published article from the content directory, turns it into a search
 * record (lib/search-index.ts) and writes a Pagefind index in parts (lib/search-parts.ts) to --out, with a
 * parts.json manifest. The Pagefind integration starts it when `astro build` starts, as a process of its own,
 * so indexing runs on the second core while Astro renders the pages, and moves the result into dist/pagefind
 * when the pages are written.
 *
 *   node src/cli/index-search.ts --out <dir>
 *
 * It reads the Markdown rather than the built pages: the text is the same (plain text of the article), and it
 * does not have to wait for the pages. It reads each file as the content layer does (lib/article-file.ts): a file
 * that is not valid UTF-8 or not a valid article stops it with the same file:line message, never indexed half-read.
 * Environment: CONTENT_DIR, BUILD_TIME (what is published), SEARCH_PAGES_PER_PART,
 * PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (default 5000, see below).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { contentDir } from '../content-dir.ts';
import { articleIdFromPath, isArticleFile } from '../lib/article-id.ts';
import { isPublished } from '../lib/article.ts';
import { decodeArticleFile, formatProblem, parseArticleFile, type ArticleProblem } from '../lib/article-file.ts';
import { isoDay } from '../lib/dates.ts';
import { searchIndexRecord, type SearchIndexRecord } from '../lib/search-index.ts';
import { planSearchParts, searchPartsManifest } from '../lib/search-parts.ts';
import { createUrls } from '../lib/urls.ts';
import { buildTime } from '../site.config.ts';

/**
 * Pagefind 1.6.0 needs about 0.25 MB per article while writing an index; 2,500 keeps one part near 0.6 GiB
 * beside Astro's own memory (docs/performance.md). Fewer, larger parts make searches fetch less.
 */
const DEFAULT_PAGES_PER_PART = '2500';

function pagesPerPart(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`SEARCH_PAGES_PER_PART 应为正整数，现在是“${value}”`);
  return parsed;
}
/** Records handed to Pagefind at once; each is one message to its process. */
const RECORD_BATCH = 200;

/**
 * Postings per index chunk (Pagefind's default is 20,000). A reader's first search fetches one chunk per query
 * word from every part; smaller chunks cut what a first search on 10,000 articles transfers from 476 KB to
 * about 317 KB (docs/performance.md). Pagefind reads it from this environment variable, marked unstable: with
 * the version pinned it changes only the chunk size, never what is found.
 */
const INDEX_CHUNK_SIZE = '5000';

/** A published article, parsed; its search record (the segmented text) is made only when its part is written. */
interface PublishedArticle {
  date: string;
  key: string;
  record(): SearchIndexRecord;
}

/** Published articles, with the paths the site gives them (no base path; the search page adds it). */
export function readPublishedArticles(dir: string, now: Date): PublishedArticle[] {
  const urls = createUrls('/');
  const articles: PublishedArticle[] = [];
  const problems: ArticleProblem[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(isArticleFile).sort();
  for (const file of files) {
    const decoded = decodeArticleFile(readFileSync(join(dir, file)), file);
    const parsed = decoded.ok ? parseArticleFile(decoded.source, file) : decoded;
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    if (!isPublished(parsed.data, now)) continue;
    const id = articleIdFromPath(file);
    const { data, body } = parsed;
    articles.push({ date: isoDay(data.date), key: id, record: () => searchIndexRecord(data, body, urls.article(id)) });
  }
  if (problems.length) throw new Error(`文章有误，不能建立搜索索引：\n${problems.map(formatProblem).join('\n')}`);
  return articles;
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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) throw new Error('usage: node src/cli/index-search.ts --out <dir>');
  const started = performance.now();
  await rm(values.out, { recursive: true, force: true });
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  const articles = readPublishedArticles(contentDir, buildTime);
  const planned = planSearchParts(articles, pagesPerPart(process.env.SEARCH_PAGES_PER_PART ?? DEFAULT_PAGES_PER_PART));
  // An archive with nothing published still gets an (empty) index, so the search page loads and finds nothing.
  const parts = planned.length ? planned : [{ name: 'empty', items: [] }];
  for (const part of parts) await writePart(part.items, join(values.out, part.name));
  writeFileSync(join(values.out, 'parts.json'), `${JSON.stringify(searchPartsManifest(parts))}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`indexed ${articles.length} articles in ${parts.length} parts in ${seconds} s`);
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(`index-search: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
