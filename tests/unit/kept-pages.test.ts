import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyKeptPages, readIncrementalRecord, removeUnmadePages } from '../../src/integrations/kept-pages.ts';

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

/** Astro's record of a build: route → path → the output file, as the rest of its URL (percent-encoded). */
const record = (outputFiles: string[]) =>
  JSON.stringify({ version: 1, routes: { 'src/pages/x.astro': { dependencyHash: 'h', paths: Object.fromEntries(outputFiles.map((file, i) => [`/p${i}`, { cacheKey: 'k', outputFile: file }])) } } });

describe('the pages a build may reuse', () => {
  it('are copied into the output, and those the build no longer makes are removed after it', async () => {
    const cache = join(work, 'cache');
    const out = join(work, 'out');
    write(join(cache, 'dist/articles/2024/05/a/index.html'), 'a');
    write(join(cache, 'dist/tags/安全生产/index.html'), '安全生产');
    write(join(cache, 'dist/tags/防汛/index.html'), '防汛');
    write(join(cache, 'dist/feed#1/index.html'), 'feed');
    write(join(cache, 'incremental-build.json'), record([]));
    mkdirSync(out);

    const kept = await copyKeptPages(cache, out);
    expect(kept.size).toBe(4);
    expect(readFileSync(join(out, 'tags/安全生产/index.html'), 'utf8')).toBe('安全生产');

    // The build: reuses a and 安全生产 and feed#1 (recorded), renders a page Astro has no record of again
    // (防汛, written since the copy), and no longer makes nothing else.
    write(join(cache, 'incremental-build.json'), record(['articles/2024/05/a/index.html', `tags/${encodeURIComponent('安全生产')}/index.html`, 'feed%231/index.html']));
    await new Promise((done) => setTimeout(done, 5));
    writeFileSync(join(out, 'tags/防汛/index.html'), '防汛（新）');
    expect(await removeUnmadePages(cache, out, kept)).toBe(0);
    expect(files(out)).toEqual(['articles/2024/05/a/index.html', 'feed#1/index.html', 'tags/安全生产/index.html', 'tags/防汛/index.html']);

    // The next build no longer makes a (withdrawn) nor 防汛, and writes neither.
    rmSync(out, { recursive: true });
    mkdirSync(out);
    const keptAgain = await copyKeptPages(cache, out);
    write(join(cache, 'incremental-build.json'), record([`tags/${encodeURIComponent('安全生产')}/index.html`, 'feed%231/index.html']));
    expect(await removeUnmadePages(cache, out, keptAgain)).toBe(2);
    expect(files(out)).toEqual(['feed#1/index.html', 'tags/安全生产/index.html']);
  });

  it('are none without Astro’s record of a build, whatever its page directory holds', async () => {
    const cache = join(work, 'no-record');
    write(join(cache, 'dist/index.html'), 'old');
    const out = join(work, 'no-record-out');
    mkdirSync(out);
    expect((await copyKeptPages(cache, out)).size).toBe(0);
    expect(files(out)).toEqual([]);
  });
});

describe('Astro’s record of the incremental build', () => {
  it('is read only in the form this integration knows, and refused by name in any other', () => {
    expect(readIncrementalRecord(record(['index.html'])).routes).toBeDefined();
    expect(() => readIncrementalRecord(JSON.stringify({ version: 2, routes: {} }))).toThrow(/an Astro upgrade changed it/);
    expect(() => readIncrementalRecord(JSON.stringify({ version: 1, pages: [] }))).toThrow(/kept-pages\.ts reads/);
  });
});
