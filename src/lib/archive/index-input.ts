/**
 * What the archive's source hands the search indexer, so that the indexer never reads an article file: the
 * list of the archive (lib/archive/manifest.ts), and per file digest the article's searchable fields and its
 * body's text as the page pipeline read it (lib/article/body.ts). Beside each text, the body's HTML as the one
 * Markdown pipeline rendered it, for the article's page (src/data/article-body.ts): in Astro's data store it
 * would be bundled into every build, nine tenths of the store, whatever changed (docs/performance.md).
 *
 * The articles loader writes them while the content layer syncs, into a directory of the build's cache
 * (`archive-source/`, dropped with Astro's data store whenever the code changes: src/build/build-site.ts); the
 * indexer, started after the sync, reads them. A warm build renders only the files that changed, but
 * re-indexing a period needs the text of every article in it: that is why the texts are kept here, by digest,
 * and not in Astro's data store, which is bundled into the build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchiveEntry, ArchiveManifest } from './manifest.ts';
import type { KeptArticle, SourceArticle } from './source.ts';
import { reporterNames } from '../article/bylines.ts';
import type { ArticleData } from '../article/schema.ts';
import type { SearchableArticle } from '../search/build/records.ts';
import type { LexiconArticle } from '../search/build/lexicon.ts';

/** The directory under the build's cache. */
export const INDEX_INPUT_DIR = 'archive-source';
const LIST = 'archive.json';
const TEXTS = 'texts';
const BODIES = 'bodies';

/** An article as the index needs it. */
export interface IndexedArticle {
  article: SearchableArticle & LexiconArticle;
  /** The body's text, one block per line (lib/article/text.ts). */
  lines: string[];
}

/** The fields of an article that its search record and its lexicon words are made of. */
export function indexedArticle(data: ArticleData, lines: string[]): IndexedArticle {
  const { title, subtitle, kicker, correction, date, column, byline, tags, people, photos } = data;
  return { article: { title, subtitle, kicker, correction, date, column, byline, tags, people, photos: photos.map(({ caption }) => ({ caption })) }, lines };
}

/** An article's line in the list of the archive. */
export function archiveEntry({ id, url, file, digest, data, published }: SourceArticle | KeptArticle): ArchiveEntry {
  return { id, url, file, digest, date: data.date.toISOString(), published, ...(published ? { reporters: reporterNames(data.byline) } : {}) };
}

function textFile(dir: string, digest: string): string {
  return join(dir, TEXTS, digest.slice(0, 2), `${digest}.json`);
}

function bodyFile(dir: string, digest: string): string {
  return join(dir, BODIES, digest.slice(0, 2), `${digest}.html`);
}

/** Whether the text and the body's HTML of the file with this digest are kept from an earlier sync. */
export function hasIndexedText(dir: string, digest: string): boolean {
  return existsSync(textFile(dir, digest)) && existsSync(bodyFile(dir, digest));
}

/** The body's HTML of the article file with this digest, as the one Markdown pipeline rendered it. */
export async function readArticleBodyHtml(dir: string, digest: string): Promise<string> {
  return readFile(bodyFile(dir, digest), 'utf8');
}

/**
 * Writes the texts of a sync. Each is written beside, then renamed, so that a build stopped half-way leaves no
 * half-written text under a digest; the writes run on Node's I/O threads while the sync goes on (ten thousand
 * small files written one by one took 1.8 s of the sync here), and `done` waits for them all.
 */
/**
 * Files written at once, at most: each write holds a file open, and a cold build of 50,000 articles asked for
 * 50,000 at once and met the open-file limit (EMFILE). Enough to keep Node's I/O threads busy.
 */
const WRITES_AT_ONCE = 64;

export function indexedTextWriter(dir: string): { write(digest: string, text: IndexedArticle, bodyHtml: string): void; done(): Promise<void> } {
  const shards = new Set<string>();
  const writes = new Map<string, Promise<void>>();
  let writing = 0;
  const waiting: (() => void)[] = [];
  // A free slot, or a place in the queue; a finished write hands its slot to the next in line.
  const slot = () => (writing < WRITES_AT_ONCE ? (writing++, Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve)));
  const free = () => {
    const next = waiting.shift();
    if (next) next();
    else writing--;
  };
  return {
    write(digest, text, bodyHtml) {
      // Two files with the same bytes (a copy under another name) have one text.
      if (writes.has(digest)) return;
      const writeOne = (file: string, content: string) => {
        const shard = join(file, '..');
        if (!shards.has(shard)) mkdirSync(shard, { recursive: true });
        shards.add(shard);
        const partial = `${file}.partial`;
        return slot().then(() => writeFile(partial, content).then(() => rename(partial, file)).finally(free));
      };
      // The text last: a kept text means its body is there too (hasIndexedText checks both anyway).
      writes.set(digest, writeOne(bodyFile(dir, digest), bodyHtml).then(() => writeOne(textFile(dir, digest), JSON.stringify(text))));
    },
    async done() {
      await Promise.all(writes.values());
    },
  };
}

export function readIndexedText(dir: string, digest: string): IndexedArticle {
  const text = JSON.parse(readFileSync(textFile(dir, digest), 'utf8')) as IndexedArticle & { article: { date: string } };
  return { ...text, article: { ...text.article, date: new Date(text.article.date) } };
}

/** Keeps the texts and bodies of these digests only: an edited article's old ones are never needed again. */
export function pruneIndexedTexts(dir: string, digests: ReadonlySet<string>): void {
  for (const kind of [TEXTS, BODIES]) {
    const root = join(dir, kind);
    if (!existsSync(root)) continue;
    for (const shard of readdirSync(root)) {
      for (const name of readdirSync(join(root, shard))) {
        if (!digests.has(name.replace(/\.(?:json|html)$/, ''))) rmSync(join(root, shard, name), { force: true });
      }
    }
  }
}

export function writeArchiveList(dir: string, manifest: ArchiveManifest): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${LIST}.partial`), JSON.stringify(manifest));
  renameSync(join(dir, `${LIST}.partial`), join(dir, LIST));
}

export function readArchiveList(dir: string): ArchiveManifest {
  const file = join(dir, LIST);
  if (!existsSync(file)) throw new Error(`没有文章清单 ${file}：搜索索引只在 astro build 同步文章之后建立`);
  return JSON.parse(readFileSync(file, 'utf8')) as ArchiveManifest;
}

/** Removes what an earlier sync wrote, for a build that starts over. */
export function clearIndexInput(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
