/**
 * buildSite, the one way the site is built: two builds side by side (a test run beside a benchmark, two
 * archives at once) must not share any directory, and a good build replaces the last site whole.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { readIncrementalRecord } from '../../src/integrations/kept-pages.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';
import { buildEnv } from '../helpers/build.ts';
import { htmlFiles, writeFile } from '../helpers/file-tree.ts';
import { scratchDir } from '../helpers/scratch.ts';

const work = scratchDir('build-site');

/** The test newsroom's own articles, built into `<work>/<name>/dist` with the cache `<work>/<name>/cache`. */
const envFor = (name: string) => buildEnv({ newsroom: ZHONGYUAN, outDir: join(work, name, 'dist'), cacheDir: join(work, name, 'cache') });

describe('buildSite', () => {
  it('builds two sites at once outside the project without either disturbing the other', async () => {
    // Astro keeps intermediate files in one shared ./.astro for outputs outside the working directory;
    // two such builds at once used to fail one of them (ENOENT on its prerender entry).
    writeFile(join(work, 'second', 'dist', 'stale.html'), '旧文件');
    const [first, second] = await Promise.all([buildSite({ env: envFor('first') }), buildSite({ env: envFor('second') })]);
    for (const result of [first!, second!]) {
      expect(result.ok, result.output.slice(-2000)).toBe(true);
      expect(readFileSync(join(result.outDir, 'index.html'), 'utf8')).toContain('<title>');
      expect(existsSync(result.partial)).toBe(false);
      expect(existsSync(`${result.outDir}.previous`)).toBe(false);
    }
    // The same archive gives the same pages, each build complete in its own place.
    expect(htmlFiles(first!.outDir).length).toBeGreaterThan(30);
    expect(htmlFiles(second!.outDir)).toEqual(htmlFiles(first!.outDir));
    expect(first!.partial).not.toBe(second!.partial);
    expect(existsSync(`${first!.partial}.lock`)).toBe(false);
    // The new site replaced the old one whole: nothing of the last build is left over.
    expect(existsSync(join(second!.outDir, 'stale.html'))).toBe(false);
    // What rests on Astro's internals fails here by name when an upgrade changes it: where Astro keeps its server
    // build (src/build/build-site.ts partialDir; two builds at once, above), and the incremental build's record
    // (src/integrations/kept-pages.ts), read from a real build.
    const record = readIncrementalRecord(readFileSync(join(work, 'first', 'cache', 'incremental-build.json'), 'utf8'));
    const outputFiles = Object.values(record.routes).flatMap((route) => Object.values(route.paths ?? {}).map((path) => path.outputFile));
    expect(outputFiles.filter((file) => /^articles\/.+\/index\.html$/.test(file ?? '')), 'incremental-build.json lists each article page’s outputFile').toHaveLength(3);
  }, 240_000);

  it('stops a second build that would share the cache directory of one still running, and reuses pages after', async () => {
    const env = envFor('shared');
    const running = buildSite({ env });
    // The first has claimed the directory before its Astro starts; the second must not touch either.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(buildSite({ env: { ...env, OUT_DIR: join(work, 'shared', 'other') } })).rejects.toThrow(/另一个构建（进程 \d+）正在使用缓存目录/);
    const first = await running;
    expect(first.ok, first.output.slice(-2000)).toBe(true);
    // Once it has finished, the next build with that cache goes ahead, into a new output directory, and
    // reuses the pages (the build directory is the same, so Astro's hash of each route's modules is too).
    const next = await buildSite({ env: { ...env, OUT_DIR: join(work, 'shared', 'next') } });
    expect(next.ok, next.output.slice(-2000)).toBe(true);
    const log = next.output.replace(/\u001b\[[0-9;]*m/g, '');
    expect(log).toMatch(/├─ \/articles\/\S+ \((?:cached|restored)\)/);
    expect(log).not.toMatch(/├─ \/articles\/\S+ \(\+\d+m?s\)/);
  }, 240_000);

  it('refuses an output directory that would contain the project itself', async () => {
    await expect(buildSite({ env: { ...process.env, OUT_DIR: '.' } })).rejects.toThrow(/contains the project itself/);
    await expect(buildSite({ env: { ...process.env, OUT_DIR: '..' } })).rejects.toThrow(/contains the project itself/);
  });
});
