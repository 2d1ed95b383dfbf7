/**
 * The one way the site is built, by `npm run build` (src/cli/build.ts) and every tool (tests, benchmark, audit): `astro build` into a
 * fresh directory of its own (see partialDir), which replaces the output only when the whole build
 * succeeded. A build that fails at any point — an article, a page, an image, the search index — leaves no
 * half-written site, and the last good one stays where it was.
 *
 * The environment says what to build, as for `astro build` itself: CONTENT_DIR, SITE_CONFIG, OUT_DIR (default dist),
 * ASTRO_CACHE_DIR, SITE_URL, BASE_PATH, BUILD_TIME, SEARCH_PAGES_PER_PART.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { INDEX_INPUT_DIR } from '../lib/archive/index-input.ts';
import { newsroomFiles, readNewsroom } from '../lib/newsroom/newsroom.ts';
import { fingerprint } from './fingerprint.ts';
import { KEPT_PAGES_FILES } from '../integrations/kept-pages.ts';
import { ASTRO_CLI } from '../preview/preview-server.ts';

export interface BuildSiteOptions {
  /** The build's environment; default this process's. */
  env?: NodeJS.ProcessEnv;
  /** `inherit` prints the build's output as it goes; `pipe` collects it into the result. */
  stdio?: 'inherit' | 'pipe';
  /** Node options for the build process (the benchmark measures with the same as production: none). */
  nodeArgs?: readonly string[];
  /** Called when the build process has started (the benchmark watches its process tree). */
  onStart?: (child: ChildProcess) => void;
  /** Called with each chunk of output as it arrives, when `stdio` is `pipe`. */
  onOutput?: (chunk: string) => void;
  /** The project to build (default the working directory); relative paths in `env` are relative to it. */
  cwd?: string;
}

export interface BuildResult {
  ok: boolean;
  /** The exit code of `astro build`, or null when a signal ended it. */
  status: number | null;
  signal: NodeJS.Signals | null;
  /** Everything it printed, when `stdio` is `pipe`. */
  output: string;
  /** Where the site is, when `ok`. */
  outDir: string;
  /** Where Astro built it; gone when the build has ended, whether it succeeded or not. */
  partial: string;
}

export async function buildSite({ env = process.env, stdio = 'pipe', nodeArgs = [], onStart, onOutput, cwd = process.cwd() }: BuildSiteOptions = {}): Promise<BuildResult> {
  const root = resolve(cwd);
  const outDir = resolve(root, env.OUT_DIR ?? 'dist');
  if (isInside(root, outDir)) throw new Error(`OUT_DIR “${outDir}” contains the project itself; choose a directory of its own, such as dist`);
  const cacheDir = resolve(root, env.ASTRO_CACHE_DIR ?? DEFAULT_CACHE_DIR);
  const partial = partialDir(root, cacheDir);
  const unlock = await lockBuild(partial, cacheDir);
  try {
    await forgetStaleContent(root, cacheDir, newsroomFiles(env, root).siteConfigFile);
    await rm(partial, { recursive: true, force: true }); // what a build that was killed left
    return await runAstroBuild({ root, env, stdio, nodeArgs, onStart, onOutput, outDir, partial });
  } finally {
    await unlock();
  }
}

interface AstroRun extends Omit<BuildSiteOptions, 'cwd'> {
  root: string;
  env: NodeJS.ProcessEnv;
  nodeArgs: readonly string[];
  outDir: string;
  partial: string;
}

async function runAstroBuild({ root, env, stdio, nodeArgs, onStart, onOutput, outDir, partial }: AstroRun): Promise<BuildResult> {
  const child = spawn(process.execPath, [...nodeArgs, ASTRO_CLI, 'build'], {
    cwd: root,
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...productionEnv(env), OUT_DIR: partial },
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  // Ctrl-C or a CI cancel: the build stops, and its partial output is removed below like any failure.
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  onStart?.(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    onOutput?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const { status, signal } = await new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    child.once('error', fail);
    child.once('close', (code, endSignal) => done({ status: code, signal: endSignal }));
  }).finally(() => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  });

  if (status !== 0) {
    await rm(partial, { recursive: true, force: true });
    return { ok: false, status, signal, output, outDir, partial };
  }
  await replace(outDir, partial);
  return { ok: true, status, signal, output, outDir, partial };
}

const isInside = (path: string, dir: string) => {
  const inside = relative(dir, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
};

/**
 * Where Astro writes this build before it is moved into place: inside the project (Astro keeps its
 * intermediate server build in `<output>/.prerender` when the output is inside the working directory, but in
 * one shared `./.astro/.prerender` when it is not, so two builds elsewhere would overwrite each other's), and
 * the same directory for every build with the same cache directory: Astro writes the output path into the
 * modules it hashes to decide whether a page can be reused (astro:assets' `outDir`), so a new directory per
 * build would make every warm build render every page again. Two builds with one cache directory at once
 * would spoil each other's cache as well as this directory, so the second one stops (see lockBuild).
 */
function partialDir(root: string, cacheDir: string): string {
  const key = createHash('sha256').update(cacheDir).digest('hex').slice(0, 16);
  return join(root, 'node_modules', '.cache', 'news-build', key);
}

/** Claims `partial` for this process, or says which build has it; the claim of a process that died lapses. */
async function lockBuild(partial: string, cacheDir: string): Promise<() => Promise<void>> {
  const lock = `${partial}.lock`;
  await mkdir(dirname(lock), { recursive: true });
  for (;;) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      heldLocks.add(lock);
      return async () => {
        heldLocks.delete(lock);
        await rm(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
    // This process's own claim is live only while one of its builds holds it (a dead process's pid may recur).
    const live = holder === process.pid ? heldLocks.has(lock) : holder > 0 && isRunning(holder);
    if (live) {
      throw new Error(`另一个构建（进程 ${holder}）正在使用缓存目录 ${cacheDir}；请等它结束，或为这次构建另设 ASTRO_CACHE_DIR`);
    }
    await rm(lock, { force: true });
  }
}

const heldLocks = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Astro's cache directory unless ASTRO_CACHE_DIR says otherwise (astro.config.ts). */
const DEFAULT_CACHE_DIR = 'node_modules/.astro';
/**
 * What the content layer's cache (the data store: every article's data and rendered Markdown, reused by file
 * digest) and the incremental build's pages are made with. Astro notices a changed config, but not a changed
 * Markdown plugin's code (withastro/astro#13028), so a kept cache would serve articles rendered by the old
 * one. All of src/ counts, wherever a plugin lives: a change to the code costs one cold build, never a stale
 * page. (Astro's own check of a page's modules would catch a template; this catches everything.) So does the
 * newsroom's config, which Astro does not see as a module: every page shows it, and its columns decide which
 * articles are valid.
 */
const CONTENT_CACHE_INPUTS = ['astro.config.ts', 'src', 'package-lock.json'];
const CONTENT_CACHE_FILES = ['data-store.json', 'content-assets.mjs', 'content-modules.mjs', 'incremental-build.json', 'dist', ...KEPT_PAGES_FILES, INDEX_INPUT_DIR];

/** Drops the content layer's cache when it was made by other code than this build's: then the build is cold. */
async function forgetStaleContent(root: string, cacheDir: string, siteConfigFile: string): Promise<void> {
  const file = join(cacheDir, 'news-content-fingerprint');
  const current = fingerprint(root, CONTENT_CACHE_INPUTS, await newsroomAsRead(siteConfigFile));
  const previous = await readFile(file, 'utf8').catch(() => undefined);
  if (previous === current) return;
  await Promise.all(CONTENT_CACHE_FILES.map((name) => rm(join(cacheDir, name), { recursive: true, force: true })));
  await mkdir(cacheDir, { recursive: true });
  await writeFile(file, current);
}

/** The newsroom's config and the images it names, as they are now: pages show both, so a change to either makes the build cold. */
async function newsroomAsRead(siteConfigFile: string): Promise<Record<string, string>> {
  const siteConfig = await readFile(siteConfigFile, 'utf8').catch(() => undefined);
  if (siteConfig === undefined) return { siteConfig: '(missing)' };
  const images: string[] = [];
  try {
    const newsroom = readNewsroom(siteConfig, siteConfigFile);
    for (const path of [newsroom.logo, newsroom.icon]) if (path) images.push(createHash('sha256').update(await readFile(path)).digest('hex'));
  } catch {
    // A config that is not valid: the build itself stops on it, naming the field.
  }
  return { siteConfig, images: images.join(' ') };
}

/** Puts the new site where the old one was with renames, so that readers of `outDir` see one or the other. */
async function replace(outDir: string, partial: string): Promise<void> {
  await mkdir(dirname(outDir), { recursive: true });
  const incoming = await onSameFileSystem(partial, outDir);
  const previous = `${outDir}.previous-${randomUUID()}`;
  const hadSite = existsSync(outDir);
  if (hadSite) await rename(outDir, previous);
  try {
    await rename(incoming, outDir);
  } catch (error) {
    if (hadSite) await rename(previous, outDir); // the last good site stays
    await rm(incoming, { recursive: true, force: true });
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/** `partial`, or a copy of it beside `outDir` when they are on different file systems (a tmpfs /tmp). */
async function onSameFileSystem(partial: string, outDir: string): Promise<string> {
  const beside = `${outDir}.incoming-${randomUUID()}`;
  try {
    await rename(partial, beside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(partial, beside, { recursive: true });
    await rm(partial, { recursive: true, force: true });
  }
  return beside;
}

/**
 * Variables that would make the build a development build, removed from its environment. Astro reads
 * import.meta.env.DEV, PROD, MODE… from the process's environment, where a test runner (Vitest sets DEV=1,
 * MODE=test, NODE_ENV=test) or a shell may have put them: the pages would then show drafts and embargoed
 * articles as `astro dev` does. A build is always a production build.
 */
const DEVELOPMENT_VARIABLES = ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SITE', 'ASSETS_PREFIX'];

export function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const production: NodeJS.ProcessEnv = { ...env, NODE_ENV: 'production' };
  for (const name of DEVELOPMENT_VARIABLES) delete production[name];
  return production;
}
