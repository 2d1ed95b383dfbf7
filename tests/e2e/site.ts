/**
 * Where the site under test lives. The same suite runs against the site at the root of its host
 * (project `site`) and under a sub-path (project `site-subpath`, built with BASE_PATH=/news/), so tests
 * write site paths ('/archive/') and pass them through `at()` to visit or compare them.
 */
import { test } from '@playwright/test';

/** The base path the site is served at: '/' or '/news/'. */
export function basePath(): string {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error('the Playwright project has no baseURL');
  return new URL(baseURL).pathname;
}

/** A site path as served: at('/archive/') is '/news/archive/' under /news/. */
export function at(sitePath: string): string {
  return basePath() + sitePath.replace(/^\//, '');
}

/** The absolute public URL of a site path, as canonical links, feeds and sitemaps write it. */
export function publicUrl(sitePath: string): string {
  const siteUrl = test.info().project.metadata.siteUrl as string | undefined;
  if (!siteUrl) throw new Error('the Playwright project has no metadata.siteUrl');
  return new URL(at(sitePath), siteUrl).href;
}
