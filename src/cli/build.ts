/**
 * `npm run build`, and the one way every tool builds the site (tests, benchmark, audit): `astro build` into a
 * fresh directory beside the output (`<outDir>.partial`), which replaces the output only when the whole build
 * succeeded. A build that fails at any point — an article, a page, an image, the search index — leaves no
 * half-written site, and the last good one stays where it was.
 *
 * The environment says what to build, as for `astro build` itself: CONTENT_DIR, OUT_DIR (default dist),
 * ASTRO_CACHE_DIR, SITE_URL, BASE_PATH, BUILD_TIME, SEARCH_PAGES_PER_PART.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { ASTRO_CLI } from './preview-server.ts';

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

export async function buildSite({ env = process.env, stdio = 'pipe', nodeArgs = [], onStart, onOutput }: BuildSiteOptions = {}): Promise<BuildResult> {
  const outDir = resolve(env.OUT_DIR ?? 'dist');
  const partial = partialDir(outDir);
  const previous = `${outDir}.previous`;
  await rm(partial, { recursive: true, force: true });
  const child = spawn(process.execPath, [...nodeArgs, ASTRO_CLI, 'build'], {
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...env, OUT_DIR: partial },
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
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
  });

  if (status !== 0) {
    await rm(partial, { recursive: true, force: true });
    return { ok: false, status, signal, output, outDir, partial };
  }
  // Two renames: the old site is out of the way for an instant only, and never half replaced.
  await rm(previous, { recursive: true, force: true });
  await mkdir(dirname(outDir), { recursive: true });
  if (existsSync(outDir)) await rename(outDir, previous);
  await move(partial, outDir);
  await rm(previous, { recursive: true, force: true });
  return { ok: true, status, signal, output, outDir, partial };
}

/**
 * Where Astro builds. Astro keeps its intermediate server build in `<output>/.prerender` when the output is
 * inside the working directory, but in one shared `./.astro/.prerender` when it is not: two builds to
 * directories elsewhere (tests, the benchmark) would overwrite each other's there. So a build always happens
 * inside the project, beside its output or in a directory of its own, and is moved into place.
 */
function partialDir(outDir: string): string {
  const inside = relative(process.cwd(), outDir);
  if (inside && !inside.startsWith('..') && resolve(inside) === outDir) return `${outDir}.partial`;
  return join(process.cwd(), 'node_modules', '.cache', 'news-build', `${basename(outDir)}-${process.pid}-${Date.now()}`);
}

async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    // Another file system (a temporary directory on its own disk): copy, then remove.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const result = await buildSite({ stdio: 'inherit' });
  if (!result.ok) {
    const kept = existsSync(result.outDir) ? `，${result.outDir} 仍是上一次成功构建的网站` : '';
    console.error(`\n构建失败，没有写入任何网页${kept}。`);
  }
  process.exit(result.ok ? 0 : (result.status ?? 1));
}
