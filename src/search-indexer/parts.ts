/**
 * The index's parts (lib/search/build/parts-plan.ts says which articles each holds): each written by a Pagefind
 * process of its own, kept in the build's cache under a key of its period, its articles and the indexer's
 * fingerprint, and named by a hash of its files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { fingerprint } from '../build/fingerprint.ts';
import type { PublishedArticle } from './published.ts';

/** Records handed to Pagefind at once; each is one message to its process. */
const RECORD_BATCH = 200;

export async function writePart(articles: readonly PublishedArticle[], outputPath: string): Promise<void> {
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
 * What a part's files are made from besides its articles: the code that turns an article into a record and
 * writes the index (all of src/lib, this file and what it reads; the lock file, which pins Pagefind), the
 * settings that shape the index, and Node's ICU, whose dictionary splits the words. Any change makes every
 * part new: a stale part cannot be reused by construction, at the price of re-indexing after unrelated changes
 * to src/lib.
 */
export function indexerFingerprint(root: string, settings: Record<string, string | undefined>): string {
  return fingerprint(root, ['src/lib', 'src/markdown.ts', 'src/search-indexer', 'src/build/fingerprint.ts', 'package-lock.json'], settings);
}

/** The key of a part in the cache: its period, its articles (id and file digest), and the fingerprint. */
export function partKey(period: string, articles: readonly PublishedArticle[], indexer: string): string {
  const hash = createHash('sha256').update(`${indexer}\0${period}\0`);
  for (const article of articles) hash.update(`${article.key}\0${article.digest}\0`);
  return `${period}-${hash.digest('hex').slice(0, 32)}`;
}

/** A name for a part's files: the same files give the same name on every machine. */
export function hashDirectory(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${relative(dir, file).split('\\').join('/')}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 10);
}
