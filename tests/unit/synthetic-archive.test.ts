import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNTHETIC_SITE, writeSyntheticArchive } from '../../bench/synthetic-archive.ts';
import { parseArticleFile } from '../../src/lib/article-file.ts';

const dirs: string[] = [];
const archive = (articles: number, seed?: number) => {
  const dir = mkdtempSync(join(tmpdir(), 'synthetic-archive-'));
  dirs.push(dir);
  return { dir, summary: writeSyntheticArchive(dir, { articles, seed }) };
};
const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort();

afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('writeSyntheticArchive', () => {
  it('writes valid articles, spread over ten years, in YYYY/MM folders matching their dates', () => {
    const { dir, summary } = archive(300);
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
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const first = archive(50, 7);
    const second = archive(50, 7);
    const other = archive(50, 8);
    const text = (dir: string) => files(dir).map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
    expect(text(first.dir)).toBe(text(second.dir));
    expect(text(other.dir)).not.toBe(text(first.dir));
  });
});
