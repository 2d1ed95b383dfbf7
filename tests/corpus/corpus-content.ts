/**
 * The content of the evaluation sites (`corpus` and `large` in tests/sites.ts): the test newsroom's three real
 * articles (tests/fixtures/sites/zhongyuan) plus the fixture corpus (tests/fixtures/search-corpus), with a
 * generated photo; built as that newsroom.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sharp from 'sharp';
import { ZHONGYUAN } from '../fixtures/sites.ts';

export async function writeCorpusContent(dir: string): Promise<void> {
  cpSync(ZHONGYUAN.articles, dir, { recursive: true });
  cpSync('tests/fixtures/search-corpus', dir, { recursive: true, errorOnExist: true, force: false });
  await generatePhoto(resolve(dir, '2021/03/photos/elevator-retrofit.jpg'));
}

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
