/**
 * Builds the large evaluation site: the test newsroom's articles and the fixture corpus (as tests/corpus/build-site.ts
 * has them) inside 3,000 synthetic articles (bench/synthetic-archive.ts, whose text is recombined from the
 * same sentences, so the corpus's words are everywhere), rendered and indexed by the production build into
 * .eval-large/dist. The search reads it in steps, as it reads an archive of twenty years: the first step
 * about 600 articles (two years), then twice as many each time.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeSyntheticArchive } from '../../bench/synthetic-archive.ts';
import { buildSite } from '../../src/build/build-site.ts';
import { CORPUS_SITE, writeCorpusContent } from '../corpus/corpus-content.ts';
import { siteEnv } from '../fixtures/sites.ts';
import { LARGE_SITE } from './site.ts';

rmSync(LARGE_SITE.dir, { recursive: true, force: true });
await writeCorpusContent(LARGE_SITE.contentDir);
const summary = await writeSyntheticArchive(LARGE_SITE.contentDir, { articles: LARGE_SITE.syntheticArticles });
console.log(`large evaluation archive: ${summary.articles} synthetic articles besides the corpus`);

const result = await buildSite({
  stdio: 'inherit',
  env: {
    ...process.env,
    ...siteEnv(CORPUS_SITE, LARGE_SITE.contentDir),
    OUT_DIR: LARGE_SITE.outDir,
    ASTRO_CACHE_DIR: resolve(LARGE_SITE.dir, 'cache'),
    SEARCH_FIRST_STEP_PAGES: '600',
  },
});
process.exit(result.ok ? 0 : 1);
