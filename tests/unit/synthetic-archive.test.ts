import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNTHETIC_SITE, writeSyntheticArchive } from '../../bench/synthetic-archive.ts';
import { listArticleFiles } from '../../src/lib/archive/source.ts';
import { parseArticleFile } from '../../src/lib/article/file.ts';

const dirs: string[] = [];
const archive = async (articles: number, seed?: number) => {
  const dir = mkdtempSync(join(tmpdir(), 'synthetic-archive-'));
  dirs.push(dir);
  return { dir, summary: await writeSyntheticArchive(dir, { articles, seed }) };
};
const files = listArticleFiles;

afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('writeSyntheticArchive', () => {
  it('writes valid articles, spread over ten years, in YYYY/MM folders matching their dates', async () => {
    const { dir, summary } = await archive(300);
    const names = files(dir);
    expect(names).toHaveLength(300);
    expect(summary.articles).toBe(300);
    const years = new Set<string>();
    for (const name of names) {
      const parsed = parseArticleFile(readFileSync(join(dir, name), 'utf8'), name, { columns: SYNTHETIC_SITE.newsroom.columns });
      expect(parsed.ok, name).toBe(true);
      if (!parsed.ok) continue;
      const [year, month] = name.split('/');
      expect(parsed.raw.date).toMatch(new RegExp(`^${year}-${month}-`));
      expect(parsed.body).toMatch(/^本报讯 \d+月\d+日/);
      years.add(year!);
    }
    expect([...years].sort()).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    expect(summary.names).toBeGreaterThan(300 * 2);
    expect(summary.numbers).toBeGreaterThan(300);
  });

  it('adds about 400 Han characters of drawn words, names and numbers to every article', async () => {
    const { dir, summary } = await archive(200);
    const han = (text: string) => text.match(/\p{Script=Han}/gu)?.length ?? 0;
    const perArticle = files(dir).map((name) => han(readFileSync(join(dir, name), 'utf8').split('\n---\n')[1]!));
    // The recombined sentences give about 700 Han characters an article, the drawn paragraphs about 400 more.
    const mean = perArticle.reduce((sum, count) => sum + count, 0) / perArticle.length;
    expect(mean).toBeGreaterThan(1000);
    expect(mean).toBeLessThan(1250);
    expect(Math.min(...perArticle)).toBeGreaterThan(500);
    expect(summary.characters / 200).toBeGreaterThan(1100);
  });

  it('has a vocabulary that grows with the archive', async () => {
    const small = (await archive(500)).summary;
    const large = (await archive(2000)).summary;
    // Drawn by frequency from jieba's whole dictionary: rare words keep coming (Heaps' law), and names are new.
    expect(small.dictionaryWords).toBeGreaterThan(15_000);
    expect(large.dictionaryWords).toBeGreaterThan(small.dictionaryWords * 1.6);
    expect(large.names).toBeGreaterThan(small.names * 3);
    expect(large.numbers).toBeGreaterThan(small.numbers * 1.5);
  });

  it('never writes the misspellings the large evaluation requires to be absent', async () => {
    const { dir } = await archive(1000);
    const absent = (JSON.parse(readFileSync('tests/fixtures/search-queries.json', 'utf8')) as { kind: string; query: string }[])
      .filter((query) => query.kind === 'same-pinyin')
      .map((query) => query.query);
    expect(absent.length).toBeGreaterThan(0);
    const text = files(dir).map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
    expect(absent.filter((word) => text.includes(word))).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const first = await archive(50, 7);
    const second = await archive(50, 7);
    const other = await archive(50, 8);
    const text = (dir: string) => files(dir).map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
    expect(text(first.dir)).toBe(text(second.dir));
    expect(first.summary).toEqual(second.summary);
    expect(text(other.dir)).not.toBe(text(first.dir));
  });
});
