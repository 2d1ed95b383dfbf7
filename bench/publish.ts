/**
 * `npm run bench:publish`: what publishing one new article costs, as CI does it. On a synthetic archive of N
 * articles (default 10,000): a cold build (empty cache and output), then one new article and a build that
 * keeps only the cache directory (ASTRO_CACHE_DIR) with a fresh output directory, then a cold build of the
 * same content. Reports the three times, the ratio of the publish build to the cold one, whether the
 * publish build's output is byte for byte the cold build's, and what the publish changed against the build
 * before it (files, pages, and the pages of each list: columns, tags, people). Writes .bench/publish-<N>.json.
 *
 *   npm run bench:publish -- --articles 10000
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build/build-site.ts';
import { SYNTHETIC_SITE, writeSyntheticArchive } from './synthetic-archive.ts';
import { siteEnv } from '../tests/fixtures/sites.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, keep: { type: 'boolean', default: false } } });
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles must be a positive whole number, got ${values.articles}`);

/** Fixed, so that the two builds of the same content are "as of" the same moment. */
const BUILD_TIME = '2025-01-01T00:00:00Z';

interface TimedBuild {
  seconds: number;
  indexLine: string;
}

async function build(contentDir: string, outDir: string, cacheDir: string, label: string): Promise<TimedBuild> {
  const started = performance.now();
  const result = await buildSite({ env: { ...process.env, ...siteEnv(SYNTHETIC_SITE, contentDir), OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, BUILD_TIME, FORCE_COLOR: '0' } });
  if (!result.ok) throw new Error(`the build failed (exit code ${result.status}):\n${result.output.slice(-4000)}`);
  mkdirSync('.bench', { recursive: true });
  writeFileSync(`.bench/publish-${articles}-${label}.log`, result.output);
  const indexLine = /\[news-pagefind\] (indexed .*)/.exec(result.output.replace(/\u001b\[[0-9;]*m/g, ''))?.[1] ?? '';
  return { seconds: (performance.now() - started) / 1000, indexLine };
}

/** Path → SHA-256 of every file under `root`. */
function digests(root: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    all.set(relative(root, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return all;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => a.get(path) !== b.get(path)).sort();
}

function directoryBytes(root: string): number {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

const work = mkdtempSync(join(tmpdir(), `news-publish-${articles}-`));
try {
  const content = join(work, 'content');
  console.log(`Generating ${articles} articles …`);
  await writeSyntheticArchive(content, { articles });
  const cache = join(work, 'cache');
  console.log('Cold build …');
  const cold = await build(content, join(work, 'cold'), cache, 'cold');
  console.log(`  ${cold.seconds.toFixed(1)} s; ${cold.indexLine}`);

  // The editor's commit: one article of today's paper.
  mkdirSync(join(content, '2024/12'), { recursive: true });
  writeFileSync(
    join(content, '2024/12/publish-bench.md'),
    '---\ntitle: 区政府召开安全生产工作会议\ndate: 2024-12-31 18:00\ncolumn: 时政要闻\nbyline:\n  - role: 记者\n    name: 唐善普\n---\n本报讯 12月31日，区政府召开安全生产工作会议，部署岁末年初安全生产工作。\n',
  );
  const cacheBytes = directoryBytes(cache);
  console.log('Publish build (cache kept, fresh output) …');
  const publish = await build(content, join(work, 'publish'), cache, 'publish');
  console.log(`  ${publish.seconds.toFixed(1)} s; ${publish.indexLine}`);
  console.log('Cold build of the same content …');
  const reference = await build(content, join(work, 'reference'), join(work, 'cache-reference'), 'cold-again');
  console.log(`  ${reference.seconds.toFixed(1)} s`);

  const publishDigests = digests(join(work, 'publish'));
  const differing = differences(publishDigests, digests(join(work, 'reference')));
  // What the publish changed against the build before it: what an upload sends, and the list pages rewritten.
  const changed = differences(digests(join(work, 'cold')), publishDigests);
  const listPages = new Map<string, number>();
  for (const path of changed) {
    const list = /^(columns|tags|people)\/([^/]+)\/(?:\d+\/)?index\.html$/.exec(path.split('\\').join('/'));
    if (list) listPages.set(`${list[1]}/${list[2]}`, (listPages.get(`${list[1]}/${list[2]}`) ?? 0) + 1);
  }
  const report = {
    measuredAt: new Date().toISOString(),
    articles,
    coldSeconds: cold.seconds,
    publishSeconds: publish.seconds,
    referenceColdSeconds: reference.seconds,
    ratio: publish.seconds / reference.seconds,
    cacheBytes,
    identical: differing.length === 0,
    changedFiles: changed.length,
    changedPages: changed.filter((path) => path.endsWith('.html')).length,
    changedListPages: Object.fromEntries(listPages),
    differing: differing.slice(0, 50),
    index: { cold: cold.indexLine, publish: publish.indexLine },
  };
  mkdirSync('.bench', { recursive: true });
  writeFileSync(`.bench/publish-${articles}.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\n${articles} articles: cold ${cold.seconds.toFixed(1)} s, publish ${publish.seconds.toFixed(1)} s, cold again ${reference.seconds.toFixed(1)} s; ` +
      `ratio ${report.ratio.toFixed(2)}; cache ${(cacheBytes / 1024 ** 2).toFixed(0)} MB; output ${report.identical ? 'byte-identical' : `differs in ${differing.length} files, e.g. ${differing.slice(0, 5).join(', ')}`}`,
  );
  console.log(
    `the publish changed ${report.changedFiles} files (${report.changedPages} pages) against the build before it; list pages rewritten: ` +
      ([...listPages].map(([list, pages]) => `${list} ${pages}`).join(', ') || 'none'),
  );
  if (!report.identical) process.exitCode = 1;
} finally {
  if (values.keep) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
