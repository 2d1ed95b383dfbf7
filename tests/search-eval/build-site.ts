/**
 * Builds the search-evaluation site: the real archive (content/articles) plus the fixture corpus
 * (tests/fixtures/search-corpus), rendered and indexed by the real production build into .eval/dist.
 * content/ is never touched; the combined copy lives in .eval/content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

export const EVAL_DIR = resolve('.eval');
const contentDir = resolve(EVAL_DIR, 'content');

rmSync(EVAL_DIR, { recursive: true, force: true });
cpSync('content/articles', contentDir, { recursive: true });
cpSync('tests/fixtures/search-corpus', contentDir, { recursive: true, errorOnExist: true, force: false });

const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    CONTENT_DIR: contentDir,
    OUT_DIR: resolve(EVAL_DIR, 'dist'),
    ASTRO_CACHE_DIR: resolve(EVAL_DIR, 'cache'),
  },
});
process.exit(result.status ?? 1);
