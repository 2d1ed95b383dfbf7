/** `npm run build:e2e`: builds the browse and search suite's site (built-site.ts) with the production build. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../../src/build/build-site.ts';
import { siteEnv } from '../fixtures/sites.ts';
import { E2E_SITE } from './built-site.ts';

rmSync(E2E_SITE.dir, { recursive: true, force: true });
const result = await buildSite({
  stdio: 'inherit',
  env: { ...process.env, ...siteEnv(E2E_SITE.newsroom), OUT_DIR: E2E_SITE.outDir, ASTRO_CACHE_DIR: join(E2E_SITE.dir, 'cache') },
});
process.exit(result.ok ? 0 : 1);
