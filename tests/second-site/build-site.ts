/** `npm run build:second-site`: builds the second newsroom's site (site.ts): its config and articles, nothing else changed. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../../src/build/build-site.ts';
import { siteEnv } from '../fixtures/sites.ts';
import { SECOND_SITE } from './site.ts';

rmSync(SECOND_SITE.dir, { recursive: true, force: true });
const result = await buildSite({
  stdio: 'inherit',
  env: { ...process.env, ...siteEnv(SECOND_SITE.newsroom), OUT_DIR: SECOND_SITE.outDir, ASTRO_CACHE_DIR: join(SECOND_SITE.dir, 'cache') },
});
process.exit(result.ok ? 0 : 1);
