/**
 * Builds the browse and search suite's site (tests/e2e/built-site.ts) as it is published under a sub-path
 * (https://www.example.gov.cn/news/) into .subpath/site/news: .subpath/site is the host's document root, as the
 * link checker serves it, and the Playwright projects browse and search the site there.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSite } from '../../src/build/build-site.ts';
import { siteEnv } from '../fixtures/sites.ts';
import { E2E_SITE } from '../e2e/built-site.ts';
import { SUBPATH_SITE } from './site.ts';

const SUBPATH_DIR = resolve('.subpath');

rmSync(SUBPATH_DIR, { recursive: true, force: true });
const result = await buildSite({
  stdio: 'inherit',
  env: {
    ...process.env,
    ...siteEnv(E2E_SITE.newsroom),
    SITE_URL: SUBPATH_SITE.url,
    BASE_PATH: SUBPATH_SITE.basePath,
    OUT_DIR: resolve(SUBPATH_SITE.outDir),
    ASTRO_CACHE_DIR: resolve(SUBPATH_DIR, 'cache'),
  },
});
process.exit(result.ok ? 0 : 1);
