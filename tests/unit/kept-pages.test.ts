import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readIncrementalRecord, setAsideKeptPages, settleKeptPages } from '../../src/integrations/kept-pages.ts';

const work = mkdtempSync(join(tmpdir(), 'news-kept-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const files = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
const read = (root: string) => Object.fromEntries(files(root).map((file) => [file, readFileSync(join(root, file), 'utf8')]));
const inode = (path: string) => statSync(path).ino;

/** Astro's record of a build: route → path → the output file, as the rest of its URL (percent-encoded). */
const record = (outputFiles: string[]) =>
  JSON.stringify({ version: 1, routes: { 'src/pages/x.astro': { dependencyHash: 'h', paths: Object.fromEntries(outputFiles.map((file, i) => [`/p${i}`, { cacheKey: 'k', outputFile: file }])) } } });

/** A build as Astro does it between the two steps: writes the pages it renders into the output and a copy into the cache's new pages. */
function astroRenders(cache: string, out: string, pages: Record<string, string>, recorded: string[]): void {
  for (const [file, html] of Object.entries(pages)) {
    write(join(out, file), html);
    write(join(cache, 'dist', file), html);
  }
  write(join(cache, 'incremental-build.json'), record(recorded));
}

describe('the pages a build may reuse', () => {
  it('are linked into the output, never written through: a page rendered again is a new file, and the last output keeps its bytes', async () => {
    const cache = join(work, 'cache');
    write(join(cache, 'dist/articles/2024/05/a/index.html'), 'a');
    write(join(cache, 'dist/tags/安全生产/index.html'), '安全生产');
    write(join(cache, 'dist/tags/防汛/index.html'), '防汛');
    write(join(cache, 'dist/feed#1/index.html'), 'feed');
    write(join(cache, 'incremental-build.json'), record(['articles/2024/05/a/index.html', `tags/${encodeURIComponent('安全生产')}/index.html`, `tags/${encodeURIComponent('防汛')}/index.html`, 'feed%231/index.html']));
    const out = join(work, 'out');
    mkdirSync(out);

    const kept = await setAsideKeptPages(cache, out);
    expect(kept.files.sort()).toEqual(files(join(cache, 'dist-kept')));
    expect(existsSync(join(cache, 'dist'))).toBe(false);
    // Placeholders: Astro sees each page there.
    expect(read(out)).toEqual({ 'articles/2024/05/a/index.html': '', 'feed#1/index.html': '', 'tags/安全生产/index.html': '', 'tags/防汛/index.html': '' });

    // The build renders 防汛 again and a new page b, reuses a and 安全生产, and no longer makes feed#1.
    astroRenders(cache, out, { 'tags/防汛/index.html': '防汛（新）', 'articles/2024/05/b/index.html': 'b' }, [
      'articles/2024/05/a/index.html',
      'articles/2024/05/b/index.html',
      `tags/${encodeURIComponent('安全生产')}/index.html`,
      `tags/${encodeURIComponent('防汛')}/index.html`,
    ]);
    expect(await settleKeptPages(cache, out, kept)).toEqual({ reused: 2, removed: 1 });
    const built = { 'articles/2024/05/a/index.html': 'a', 'articles/2024/05/b/index.html': 'b', 'tags/安全生产/index.html': '安全生产', 'tags/防汛/index.html': '防汛（新）' };
    expect(read(out)).toEqual(built);
    // The cache holds exactly this build's pages, the reused ones as the same files as the output's.
    expect(read(join(cache, 'dist'))).toEqual(built);
    expect(inode(join(out, 'articles/2024/05/a/index.html'))).toBe(inode(join(cache, 'dist/articles/2024/05/a/index.html')));
    expect(existsSync(join(cache, 'dist-kept'))).toBe(false);

    // The next build renders a again: into a file of its own, while the last output (out) keeps its a.
    const next = join(work, 'next');
    mkdirSync(next);
    const keptAgain = await setAsideKeptPages(cache, next);
    astroRenders(cache, next, { 'articles/2024/05/a/index.html': 'a（改）' }, ['articles/2024/05/a/index.html', 'articles/2024/05/b/index.html']);
    expect(await settleKeptPages(cache, next, keptAgain)).toEqual({ reused: 1, removed: 2 });
    expect(read(next)).toEqual({ 'articles/2024/05/a/index.html': 'a（改）', 'articles/2024/05/b/index.html': 'b' });
    expect(read(out)).toEqual(built);
    expect(read(join(cache, 'dist'))).toEqual(read(next));
  });

  it('are put back after a build stopped before settling them, or forgotten when Astro’s record may be the stopped build’s', async () => {
    const cache = join(work, 'stopped');
    write(join(cache, 'dist/index.html'), 'home');
    write(join(cache, 'incremental-build.json'), record(['index.html']));
    const out = join(work, 'stopped-out');
    mkdirSync(out);
    await setAsideKeptPages(cache, out);
    // Stopped while rendering: Astro's record is untouched, the kept pages come back.
    write(join(cache, 'dist/other/index.html'), 'half');
    rmSync(out, { recursive: true });
    mkdirSync(out);
    const again = await setAsideKeptPages(cache, out);
    expect(again.files).toEqual(['index.html']);
    expect(read(join(cache, 'dist-kept'))).toEqual({ 'index.html': 'home' });
    // Stopped after Astro wrote its record: the record goes with the pages, and the next build renders all.
    write(join(cache, 'incremental-build.json'), record(['index.html', 'other/index.html']));
    rmSync(out, { recursive: true });
    mkdirSync(out);
    expect((await setAsideKeptPages(cache, out)).files).toEqual([]);
    expect(existsSync(join(cache, 'incremental-build.json'))).toBe(false);
    expect(files(out)).toEqual([]);
  });

  it('are none without Astro’s record of a build, whatever its page directory holds', async () => {
    const cache = join(work, 'no-record');
    write(join(cache, 'dist/index.html'), 'old');
    const out = join(work, 'no-record-out');
    mkdirSync(out);
    expect((await setAsideKeptPages(cache, out)).files).toEqual([]);
    expect(files(out)).toEqual([]);
    // And Astro writes its copies into a new directory, never into the old files.
    expect(existsSync(join(cache, 'dist'))).toBe(false);
  });
});

describe('Astro’s record of the incremental build', () => {
  it('is read only in the form this integration knows, and refused by name in any other', () => {
    expect(readIncrementalRecord(record(['index.html'])).routes).toBeDefined();
    expect(() => readIncrementalRecord(JSON.stringify({ version: 2, routes: {} }))).toThrow(/an Astro upgrade changed it/);
    expect(() => readIncrementalRecord(JSON.stringify({ version: 1, pages: [] }))).toThrow(/kept-pages\.ts reads/);
  });
});
