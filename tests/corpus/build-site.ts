/**
 * Builds the corpus site: the test newsroom's three real articles plus the fixture corpus
 * (tests/fixtures/search-corpus, with a generated photo), rendered and indexed by the real production
 * build into .eval/dist, with the search index in three parts. Used by the search-quality evaluation and
 * the photo tests.
 * The combined copy lives in .eval/content.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSite } from '../../src/build/build-site.ts';
import { siteEnv } from '../fixtures/sites.ts';
import { CORPUS_SITE, writeCorpusContent } from './corpus-content.ts';
import { writeUnpublished } from './unpublished.ts';

export const EVAL_DIR = resolve('.eval');
const contentDir = resolve(EVAL_DIR, 'content');

rmSync(EVAL_DIR, { recursive: true, force: true });
await writeCorpusContent(contentDir);
writeUnpublished(contentDir);

const result = await buildSite({
  stdio: 'inherit',
  env: {
    ...process.env,
    ...siteEnv(CORPUS_SITE, contentDir),
    OUT_DIR: resolve(EVAL_DIR, 'dist'),
    ASTRO_CACHE_DIR: resolve(EVAL_DIR, 'cache'),
    // Small parts and a small first step, so the evaluation and the tests search in steps over several
    // parts, as readers of a large archive do: the first step reads 2024–2025, the second 2021–2023, the third 2019–2020.
    SEARCH_PAGES_PER_PART: '15',
    SEARCH_FIRST_STEP_PAGES: '9',
  },
});
process.exit(result.ok ? 0 : 1);
