/**
 * `npm run bench`: builds a synthetic archive of N articles (default 10,000) with the real production build
 * and reports what it costs: time (content sync, page rendering, search indexing, total), peak memory of the
 * whole process tree, output sizes, and in Chromium what a first search transfers and how fast later searches
 * render. Writes .bench/report-<N>.json and .md and prints the table.
 *
 *   npm run bench -- --articles 10000 --runs 3    # median of 3 builds
 *   npm run bench -- --articles 1000 --keep       # keep the temporary archive and site for a look
 *
 * The archive is generated in a temporary directory, never in content/; each run starts from an empty
 * output and content cache, as a CI build does.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build/build-site.ts';
import { startPreview } from '../src/preview/preview-server.ts';
import { readBuildSettings } from '../src/settings.ts';
import { canWatchProcesses, type MemoryPeak, watchProcessTree } from './process-tree.ts';
import { measureSearch, PAUSE_BEFORE_ENTER_MS, type SearchMeasurements } from './search-probe.ts';
import { SYNTHETIC_SITE, writeSyntheticArchive, type SyntheticArchiveSummary } from './synthetic-archive.ts';
import { siteEnv } from '../tests/fixtures/sites.ts';

const REPORT_DIR = '.bench';

interface BuildRun {
  totalSeconds: number;
  /** Astro's content layer: reading, validating and rendering the Markdown. */
  contentSeconds?: number;
  /** Astro writing the pages. */
  pagesSeconds?: number;
  /** The search indexer, from its start beside Astro to its end (its own measure). */
  indexSeconds?: number;
  /** How long the build waited for the indexer after the pages were written. */
  indexWaitSeconds?: number;
  pages: number;
  memory?: MemoryPeak;
}

interface Report {
  measuredAt: string;
  machine: { cpus: number; node: string };
  archive: SyntheticArchiveSummary;
  runs: BuildRun[];
  median: { totalSeconds: number; contentSeconds?: number; pagesSeconds?: number; indexSeconds?: number; indexWaitSeconds?: number; peakTreeBytes?: number };
  pagesPerSecond: number;
  sizes: { siteBytes: number; indexBytes: number; htmlFiles: number; lexiconBytes?: number; lexiconFiles?: number };
  search?: SearchMeasurements & {
    /** A phone opening /search/?q=… with Slow 4G: navigation to the first result painted, and what it loaded. */
    phoneFirstSearchMs: { median: number; p95: number };
    phoneFirstSearchBytes: { median: number; max: number };
    firstSearchBytes: { median: number; max: number };
    firstSearchGzippedBytes: { median: number; max: number };
    firstSearchMs: { median: number; p95: number };
    warmMs: { median: number; p95: number };
    warmSubmittedAtOnceMs: { median: number; p95: number };
    wholeArchiveGzippedBytes: { median: number; max: number };
    wholeArchiveFirstMs: { median: number; p95: number };
    wholeArchiveWarmMs: { median: number; p95: number };
    /** Per kind of query: first-search bytes (gzip host), warm typed and submitted at once, median / p95. */
    byKind: Record<string, { queries: number; firstSearchGzippedBytes: { median: number; max: number }; warmMs: { median: number; p95: number }; warmSubmittedAtOnceMs: { median: number; p95: number } }>;
    /** What the pinyin and same-pinyin look-ups transferred of the lexicon in a first search (gzip host). */
    lookupLexiconBytes: { median: number; max: number };
  };
}

function options() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '1' },
      seed: { type: 'string', default: '20240506' },
      keep: { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
    },
  });
  const articles = Number(values.articles);
  const runs = Number(values.runs);
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles must be a positive whole number, got ${values.articles}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, got ${values.runs}`);
  return { articles, runs, seed: Number(values.seed), keep: values.keep, search: !values['no-search'] };
}

const DURATION = '(?:\\d+m\\s*)?(?:[\\d.]+m?s)?';

/** One production build of the archive, watched from outside. */
async function build(env: NodeJS.ProcessEnv): Promise<BuildRun> {
  const started = performance.now();
  let watcher: ReturnType<typeof watchProcessTree> | undefined;
  const result = await buildSite({
    env: { ...env, FORCE_COLOR: '0' },
    onStart: (child) => (watcher = canWatchProcesses() ? watchProcessTree(child.pid!) : undefined),
  });
  const memory = watcher?.stop();
  // Astro colours its log even when FORCE_COLOR=0; the figures are read from the plain text.
  const log = result.output.replace(/\u001b\[[0-9;]*m/g, '');
  if (!result.ok) throw new Error(`the build failed (exit code ${result.status}):\n${log.slice(-4000)}`);
  return {
    totalSeconds: (performance.now() - started) / 1000,
    contentSeconds: seconds(new RegExp(`\\[types\\] Generated (${DURATION})`).exec(log)),
    pagesSeconds: seconds(new RegExp(`generating static routes[\\s\\S]*?✓ Completed in (${DURATION})`).exec(log)),
    indexSeconds: numberIn(/\[news-pagefind\] indexed \d+ articles in \d+ parts? in ([\d.]+) s/, log),
    indexWaitSeconds: numberIn(/\(waited ([\d.]+) s after the pages\)/, log),
    pages: Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0),
    memory,
  };
}

function numberIn(pattern: RegExp, text: string): number | undefined {
  const found = pattern.exec(text)?.[1];
  return found === undefined ? undefined : Number(found);
}

/** Astro's durations: 850ms, 23.09s, 1m 32s. */
export function seconds(match: RegExpExecArray | null): number | undefined {
  const text = match?.[1];
  if (!text) return undefined;
  const parts = /^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?$/.exec(text.trim());
  if (!parts || (parts[1] === undefined && parts[2] === undefined)) return undefined;
  const minutes = Number(parts[1] ?? 0);
  const rest = parts[2] === undefined ? 0 : Number(parts[2]) / (parts[3] === 'ms' ? 1000 : 1);
  return minutes * 60 + rest;
}

function directoryStats(dir: string): { bytes: number; htmlFiles: number; files: number } {
  let bytes = 0;
  let htmlFiles = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
    if (entry.name.endsWith('.html')) htmlFiles += 1;
  }
  return { bytes, htmlFiles, files };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const spread = (values: number[]) => ({ median: median(values), max: Math.max(...values) });

/** The measures of each kind of query (one word, words run together, pinyin, same pinyin). */
export function byKind(measured: SearchMeasurements): NonNullable<Report['search']>['byKind'] {
  const kinds = [...new Set(measured.firstSearch.map((q) => q.kind))];
  return Object.fromEntries(
    kinds.map((kind) => {
      const of = <T extends { kind: string }>(list: readonly T[]) => list.filter((q) => q.kind === kind);
      return [
        kind,
        {
          queries: of(measured.firstSearch).length,
          firstSearchGzippedBytes: spread(of(measured.firstSearch).map((q) => q.gzippedBytes)),
          warmMs: timing(of(measured.warmSearch)),
          warmSubmittedAtOnceMs: timing(of(measured.warmSubmittedAtOnce)),
        },
      ];
    }),
  );
}
const timing = (measured: readonly { ms: number }[]) => ({ median: median(measured.map((q) => q.ms)), p95: percentile(measured.map((q) => q.ms), 95) });
const ms = ({ median: middle, p95 }: { median: number; p95: number }) => `${middle.toFixed(0)} ms (p95 ${p95.toFixed(0)} ms)`;

const definedMedian = (values: (number | undefined)[]) => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length ? median(known) : undefined;
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const s = (value?: number) => (value === undefined ? '–' : `${value.toFixed(1)} s`);

export function markdownReport(report: Report): string {
  const { median: m } = report;
  const lines = [
    `Benchmark: ${report.archive.articles} articles (${report.archive.tags} tags, ${report.archive.reporters} reporters, ${report.archive.people} people; ${report.archive.dictionaryWords} distinct dictionary words, ${report.archive.names} names, ${report.archive.numbers} numbers drawn), ${report.runs.length} run(s), ${report.machine.cpus} cores, Node ${report.machine.node}, ${report.measuredAt}`,
    '',
    '| Measure | Median | Runs |',
    '| --- | --- | --- |',
    `| Total build (wall) | ${s(m.totalSeconds)} | ${report.runs.map((run) => s(run.totalSeconds)).join(', ')} |`,
    `| Content sync | ${s(m.contentSeconds)} | ${report.runs.map((run) => s(run.contentSeconds)).join(', ')} |`,
    `| Page rendering | ${s(m.pagesSeconds)} | ${report.runs.map((run) => s(run.pagesSeconds)).join(', ')} |`,
    `| Search index (beside rendering) | ${s(m.indexSeconds)} | ${report.runs.map((run) => s(run.indexSeconds)).join(', ')} |`,
    `| Waiting for the index after the pages | ${s(m.indexWaitSeconds)} | ${report.runs.map((run) => s(run.indexWaitSeconds)).join(', ')} |`,
    `| Peak RSS, whole build | ${m.peakTreeBytes === undefined ? '–' : mb(m.peakTreeBytes)} | ${report.runs.map((run) => (run.memory ? mb(run.memory.treeBytes) : '–')).join(', ')} |`,
    `| Peak RSS, largest process | ${report.runs[0]?.memory ? mb(report.runs[0].memory.largestProcessBytes) : '–'} | |`,
    `| Pages | ${report.runs[0]?.pages ?? 0} (${report.pagesPerSecond.toFixed(0)} per second) | |`,
    `| Site size | ${mb(report.sizes.siteBytes)} (${report.sizes.htmlFiles} HTML files) | |`,
    `| Search index size | ${mb(report.sizes.indexBytes)} | ${report.sizes.lexiconBytes === undefined ? '' : `of which the lexicon ${mb(report.sizes.lexiconBytes)} in ${report.sizes.lexiconFiles} files`} |`,
  ];
  if (report.search) {
    const search = report.search;
    const requests = search.firstSearch.map((q) => q.requests);
    lines.push(
      `| Phone, first search: /search/?q= opened with Slow 4G, to the first result painted | ${ms(search.phoneFirstSearchMs)} | ${kb(search.phoneFirstSearchBytes.median)} (max ${kb(search.phoneFirstSearchBytes.max)}) loaded (astro preview) |`,
      `| First search, opening the page to results, bytes (gzip host) | ${kb(search.firstSearchGzippedBytes.median)} (max ${kb(search.firstSearchGzippedBytes.max)}) | ${search.firstSearch.length} queries, ${Math.min(...requests)}–${Math.max(...requests)} requests |`,
      `| First search, opening the page to results, bytes (astro preview) | ${kb(search.firstSearchBytes.median)} (max ${kb(search.firstSearchBytes.max)}) | |`,
      `| First search, Enter to results | ${ms(search.firstSearchMs)} | |`,
      `| Warm search, Enter to results | ${ms(search.warmMs)} | typed, Enter after ${PAUSE_BEFORE_ENTER_MS} ms |`,
      `| Warm search, submitted at once | ${ms(search.warmSubmittedAtOnceMs)} | |`,
      `| Whole archive (sort=overall), first search bytes (gzip host) | ${kb(search.wholeArchiveGzippedBytes.median)} (max ${kb(search.wholeArchiveGzippedBytes.max)}) | |`,
      `| Whole archive, first search, Enter to results | ${ms(search.wholeArchiveFirstMs)} | |`,
      `| Whole archive, warm, Enter to results | ${ms(search.wholeArchiveWarmMs)} | |`,
      `| Pinyin and same-pinyin look-ups, lexicon transferred (gzip host) | ${kb(search.lookupLexiconBytes.median)} (max ${kb(search.lookupLexiconBytes.max)}) | |`,
      '',
      '| Kind of query | Queries | First search (gzip host), median / max | Warm, typed | Warm, at once |',
      '| --- | ---: | --- | --- | --- |',
      ...Object.entries(search.byKind).map(
        ([kind, figures]) =>
          `| ${kind} | ${figures.queries} | ${kb(figures.firstSearchGzippedBytes.median)} / ${kb(figures.firstSearchGzippedBytes.max)} | ${ms(figures.warmMs)} | ${ms(figures.warmSubmittedAtOnceMs)} |`,
      ),
      '',
      '| Query | Kind | Results shown | Phone, Slow 4G | First search | Lexicon | Warm | Warm, at once | Whole archive, first / warm |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...search.firstSearch.map((first, index) => {
        const cell = (measured: { ms: number }[]) => `${measured[index]!.ms.toFixed(0)} ms`;
        const whole = search.wholeArchiveFirst[index]!;
        const phone = search.phoneFirstSearch[index]!;
        return `| ${first.query} | ${first.kind} | ${first.results} | ${phone.ms.toFixed(0)} ms, ${kb(phone.bytes)} | ${kb(first.gzippedBytes)}, ${first.requests} requests, ${first.ms.toFixed(0)} ms | ${kb(first.lexiconBytes)} | ${cell(search.warmSearch)} | ${cell(search.warmSubmittedAtOnce)} | ${kb(whole.gzippedBytes)}, ${whole.ms.toFixed(0)} ms / ${cell(search.wholeArchiveWarm)} |`;
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { articles, runs, seed, keep, search } = options();
  const workDir = mkdtempSync(join(tmpdir(), `news-bench-${articles}-`));
  const contentDir = join(workDir, 'content');
  const env = { ...process.env, ...siteEnv(SYNTHETIC_SITE, contentDir), OUT_DIR: join(workDir, 'dist'), ASTRO_CACHE_DIR: join(workDir, 'cache') };
  try {
    console.log(`Generating ${articles} articles in ${contentDir} …`);
    const archive = await writeSyntheticArchive(contentDir, { articles, seed });
    const results: BuildRun[] = [];
    for (let run = 1; run <= runs; run += 1) {
      rmSync(env.OUT_DIR, { recursive: true, force: true });
      rmSync(env.ASTRO_CACHE_DIR, { recursive: true, force: true });
      console.log(`Build ${run} of ${runs} …`);
      const result = await build(env);
      console.log(`  ${s(result.totalSeconds)} total, ${s(result.indexSeconds)} index, peak ${result.memory ? mb(result.memory.treeBytes) : '–'}`);
      results.push(result);
    }
    const siteStats = directoryStats(env.OUT_DIR);
    const index = directoryStats(join(env.OUT_DIR, 'pagefind'));
    // The archive's lexicon (lib/search/build/lexicon.ts), part of the index.
    const lexicon = directoryStats(join(env.OUT_DIR, 'pagefind', 'lexicon'));
    const totalSeconds = median(results.map((run) => run.totalSeconds));
    const report: Report = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: availableParallelism(), node: process.version },
      archive,
      runs: results,
      median: {
        totalSeconds,
        contentSeconds: definedMedian(results.map((run) => run.contentSeconds)),
        pagesSeconds: definedMedian(results.map((run) => run.pagesSeconds)),
        indexSeconds: definedMedian(results.map((run) => run.indexSeconds)),
        indexWaitSeconds: definedMedian(results.map((run) => run.indexWaitSeconds)),
        peakTreeBytes: definedMedian(results.map((run) => run.memory?.treeBytes)),
      },
      pagesPerSecond: (results[0]?.pages ?? 0) / totalSeconds,
      sizes: { siteBytes: siteStats.bytes, indexBytes: index.bytes, htmlFiles: siteStats.htmlFiles, lexiconBytes: lexicon.bytes, lexiconFiles: lexicon.files },
    };
    if (search) {
      console.log('Measuring search in Chromium …');
      const server = await startPreview(env);
      try {
        const measured = await measureSearch(`${server.origin}${readBuildSettings(env).basePath}search/`);
        report.search = {
          ...measured,
          phoneFirstSearchMs: timing(measured.phoneFirstSearch),
          phoneFirstSearchBytes: spread(measured.phoneFirstSearch.map((q) => q.bytes)),
          firstSearchBytes: spread(measured.firstSearch.map((q) => q.bytes)),
          firstSearchGzippedBytes: spread(measured.firstSearch.map((q) => q.gzippedBytes)),
          firstSearchMs: timing(measured.firstSearch),
          warmMs: timing(measured.warmSearch),
          warmSubmittedAtOnceMs: timing(measured.warmSubmittedAtOnce),
          wholeArchiveGzippedBytes: spread(measured.wholeArchiveFirst.map((q) => q.gzippedBytes)),
          wholeArchiveFirstMs: timing(measured.wholeArchiveFirst),
          wholeArchiveWarmMs: timing(measured.wholeArchiveWarm),
          byKind: byKind(measured),
          lookupLexiconBytes: spread(measured.firstSearch.filter((q) => q.kind === 'pinyin' || q.kind === 'same-pinyin').map((q) => q.lexiconBytes)),
        };
      } finally {
        await server.stop();
      }
    }
    mkdirSync(REPORT_DIR, { recursive: true });
    const table = markdownReport(report);
    writeFileSync(join(REPORT_DIR, `report-${articles}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(REPORT_DIR, `report-${articles}.md`), table);
    console.log(`\n${table}\nWrote ${resolve(REPORT_DIR, `report-${articles}.json`)} and .md`);
  } finally {
    if (keep) console.log(`Kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
