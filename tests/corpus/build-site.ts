/**
 * Builds the corpus site: the real archive (content/articles) plus the fixture corpus
 * (tests/fixtures/search-corpus, with a generated photo), rendered and indexed by the real production
 * build into .eval/dist, with the search index in three parts. Used by the search-quality evaluation and
 * the photo tests.
 * content/ is never touched; the combined copy lives in .eval/content.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sharp from 'sharp';
import { buildSite } from '../../src/cli/build.ts';
import { writeUnpublished } from './unpublished.ts';

export const EVAL_DIR = resolve('.eval');
const contentDir = resolve(EVAL_DIR, 'content');

rmSync(EVAL_DIR, { recursive: true, force: true });
cpSync('content/articles', contentDir, { recursive: true });
cpSync('tests/fixtures/search-corpus', contentDir, { recursive: true, errorOnExist: true, force: false });

await generatePhoto(resolve(contentDir, '2021/03/photos/elevator-retrofit.jpg'));
writeUnpublished(contentDir);

/** A stand-in news photo (1600×1067, a JPEG like a camera's), so the image pipeline has real work to do. */
async function generatePhoto(file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1067">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ec5ff"/><stop offset="1" stop-color="#e8f3ff"/></linearGradient></defs>
    <rect width="1600" height="1067" fill="url(#sky)"/>
    <rect x="300" y="250" width="700" height="817" fill="#c9b79c"/>
    <rect x="1000" y="150" width="220" height="917" fill="#9aa5b1"/>
    ${Array.from({ length: 6 }, (_, i) => `<rect x="360" y="${300 + i * 120}" width="560" height="70" fill="#6b7b8c"/>`).join('')}
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(file);
}

const result = await buildSite({
  stdio: 'inherit',
  env: {
    ...process.env,
    CONTENT_DIR: contentDir,
    OUT_DIR: resolve(EVAL_DIR, 'dist'),
    ASTRO_CACHE_DIR: resolve(EVAL_DIR, 'cache'),
    // Small parts and a small first step, so the evaluation and the tests search in steps over several
    // parts, as readers of a large archive do: the first step reads 2024–2025, the second 2021–2023, the third 2019–2020.
    SEARCH_PAGES_PER_PART: '15',
    SEARCH_FIRST_STEP_PAGES: '9',
  },
});
process.exit(result.ok ? 0 : 1);
