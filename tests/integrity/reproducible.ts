/**
 * `npm run test:reproducible`: builds the site twice from the same commit, each from an empty output and
 * content cache as CI does, and compares every file of the two outputs byte for byte. Exits non-zero and
 * names the files that differ.
 *
 * Nothing records when or where it was built: the only input besides the commit is the build time (now,
 * or BUILD_TIME), which selects what is published (embargoed articles) and what the Google News sitemap
 * lists (the two days before it); it is not written anywhere. So the two builds here run without
 * BUILD_TIME, seconds apart, and must be identical. The search index is written in two parts
 * (SEARCH_PAGES_PER_PART=2) so that the parallel part writing is compared too.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASTRO_CLI } from '../../src/cli/preview-server.ts';

function build(dir: string): string {
  const outDir = join(dir, 'dist');
  const { BUILD_TIME: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [ASTRO_CLI, 'build'], {
    env: { ...env, OUT_DIR: outDir, ASTRO_CACHE_DIR: join(dir, 'cache'), SEARCH_PAGES_PER_PART: process.env.SEARCH_PAGES_PER_PART ?? '2' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the build in ${dir} failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

function fingerprints(root: string): Map<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(root.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex')];
    }),
  );
}

const work = mkdtempSync(join(tmpdir(), 'news-reproducible-'));
try {
  const first = fingerprints(build(join(work, 'first')));
  const second = fingerprints(build(join(work, 'second')));
  const paths = [...new Set([...first.keys(), ...second.keys()])].sort();
  const differing = paths.filter((path) => first.get(path) !== second.get(path));
  for (const path of differing) {
    const why = !first.has(path) ? 'only in the second build' : !second.has(path) ? 'only in the first build' : 'contents differ';
    console.log(`  ${path}: ${why}`);
  }
  console.log(`${differing.length ? '✗' : '✓'} two builds of the same commit: ${paths.length} files, ${differing.length} differ`);
  process.exitCode = differing.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
