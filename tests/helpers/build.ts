/**
 * A test build: a newsroom's config over a directory of articles, built by the product's own `buildSite` (as
 * `npm run build` runs it) into an output and a cache directory of its own. Used by the build tests and by
 * tests/build-sites.ts, so every test site is built the one way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResult, type BuildSiteOptions, buildSite } from '../../src/build/build-site.ts';
import { type FixtureSite, siteEnv } from '../fixtures/sites.ts';
import { htmlFiles } from './file-tree.ts';

export interface BuildTarget {
  /** The newsroom whose config (SITE_CONFIG) the site is built with. */
  newsroom: FixtureSite;
  /** The articles built (CONTENT_DIR); default the newsroom's own. */
  articles?: string;
  outDir: string;
  cacheDir: string;
  /** More of the build's environment over this process's: BASE_PATH, SITE_URL, BUILD_TIME, search settings… */
  env?: NodeJS.ProcessEnv;
}

/** The environment that builds `target`. */
export function buildEnv({ newsroom, articles = newsroom.articles, outDir, cacheDir, env = {} }: BuildTarget): NodeJS.ProcessEnv {
  return { ...process.env, ...siteEnv(newsroom, articles), OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, ...env };
}

export interface BuiltSite extends BuildResult {
  /** The environment it was built with: what `astro preview` (browseBuiltSite) needs to serve it. */
  env: NodeJS.ProcessEnv;
  /** The pages in the output directory (none when the build failed and no site was there before). */
  html(): string[];
  /** A file of the output as text. */
  read(path: string): string;
}

/** Builds `target` with `buildSite`; the result says whether it succeeded (a failed build is a result too). */
export async function runBuild(target: BuildTarget, options: Omit<BuildSiteOptions, 'env'> = {}): Promise<BuiltSite> {
  const env = buildEnv(target);
  const result = await buildSite({ ...options, env });
  return { ...result, env, html: () => htmlFiles(result.outDir), read: (path) => readFileSync(join(result.outDir, path), 'utf8') };
}
