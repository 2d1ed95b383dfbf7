import { describe, expect, it } from 'vitest';
import { formatPageFile, overlapArea, pageFileOf, parsePageFile, unionArea } from '../../src/lib/epaper/page-file.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageArticleProblems, readEditionPages } from '../../src/lib/archive/source.ts';

const PAGE = {
  pdf: '05.pdf',
  width: 841.89,
  height: 1190.55,
  articles: [
    { id: '2024/05/safety-inspection', corrected: false, regions: [{ x: 36, y: 100, width: 250, height: 300 }, { x: 300, y: 100, width: 250, height: 120 }] },
    { id: '2024/05/river-cleanup', corrected: true, regions: [{ x: 36, y: 420, width: 500, height: 200 }] },
  ],
  unlocated: [{ id: '2024/05/late-brief', reason: '在版面 PDF 的文字中找不到标题和正文' }],
};
const FILE = 'editions/2024/05-20/05.yaml';

describe('a printed page file', () => {
  it('is named by its date and 版次, and only so', () => {
    expect(pageFileOf('2024/05-20/05.yaml')).toEqual({ date: '2024-05-20', page: '05' });
    expect(pageFileOf('2024/05-20/要闻.yaml')).toEqual({ date: '2024-05-20', page: '要闻' });
    expect(pageFileOf('2024/05/05.yaml')).toBeUndefined();
  });

  it('reads back what the importer writes, a rectangle per line', () => {
    const text = formatPageFile(PAGE, '2024年5月20日第5版');
    expect(text).toContain('- [36, 100, 250, 300]');
    expect(text).toContain('corrected: true');
    const parsed = parsePageFile(text, '2024/05-20/05.yaml', FILE);
    expect(parsed).toEqual({ ok: true, page: { ...PAGE, date: '2024-05-20', page: '05' }, idLines: [7, 11] });
  });

  it('names the line and field of a region off the page, a bad rectangle and an unknown field', () => {
    const text = formatPageFile(PAGE, '2024年5月20日第5版');
    const off = parsePageFile(text.replace('[36, 420, 500, 200]', '[36, 1100, 500, 200]'), '2024/05-20/05.yaml', FILE);
    expect(off.ok).toBe(false);
    const lines = text.split('\n');
    if (!off.ok) {
      expect(off.problems[0]).toMatchObject({ file: FILE, line: lines.findIndex((line) => line.includes('[36, 420, 500, 200]')) + 1, field: 'articles.1.regions.0' });
      expect(off.problems[0]!.message).toContain('超出版面');
    }
    const bad = parsePageFile(text.replace('[36, 100, 250, 300]', '[36, 100, 250]'), '2024/05-20/05.yaml', FILE);
    expect(bad.ok || bad.problems[0]!.message).toContain('[x, y, 宽, 高]');
    const unknown = parsePageFile(`${text}colour: red\n`, '2024/05-20/05.yaml', FILE);
    expect(unknown.ok || unknown.problems[0]).toMatchObject({ line: lines.length, field: 'colour' });
  });

  it('refuses two articles whose regions overlap by more than 5% of the smaller, and allows less', () => {
    const overlapping = (by: number) =>
      formatPageFile({ ...PAGE, articles: [PAGE.articles[0]!, { id: '2024/05/river-cleanup', corrected: false, regions: [{ x: 36, y: 400 - by, width: 250, height: 100 }] }] }, 'x');
    // 250 × 100 is the smaller; 4% of it is 1,000 square points: 4 points of height.
    expect(parsePageFile(overlapping(4), '2024/05-20/05.yaml', FILE).ok).toBe(true);
    const refused = parsePageFile(overlapping(20), '2024/05-20/05.yaml', FILE);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]!.message).toMatch(/重叠 20%/);
  });

  it('measures areas of unions and overlaps, each point once', () => {
    expect(unionArea([{ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 }])).toBe(175);
    expect(overlapArea([{ x: 0, y: 0, width: 10, height: 10 }], [{ x: 5, y: 5, width: 10, height: 10 }, { x: 0, y: 0, width: 6, height: 6 }])).toBe(25 + 36 - 1);
  });

  it('is checked against the articles: each printed there, by its own source, on one page only', () => {
    const page = (date: string, page: string, ids: string[]) => ({
      date, page,
      articles: ids.map((id, index) => ({ id, corrected: false, regions: [{ x: 10, y: 10 + index * 200, width: 100, height: 100 }] })),
      shown: `editions/${date}/${page}.yaml`, idLines: ids.map((_, index) => 5 + index * 3),
    });
    const sources = new Map([
      ['a', { edition: '2024-05-20', page: '5' }],
      ['b', { edition: '2024-05-20', page: '6' }],
      ['c', null],
    ]);
    const problems = pageArticleProblems([page('2024-05-20', '05', ['a', 'b', 'c', 'missing'])], (id) => sources.get(id));
    expect(problems.map((problem) => [problem.line, problem.field, problem.message.replace(/[：，].*$/u, '')])).toEqual([
      [8, 'articles.1.id', '文章 b 的 source 写的是2024-05-20 第 6 版'],
      [11, 'articles.2.id', '文章 c 的 source 写的是未刊于报纸'],
      [14, 'articles.3.id', '找不到文章 missing'],
    ]);
  });

  it('is read with its PDF by the archive source, which names a PDF that is missing or a Git LFS pointer never fetched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-files-'));
    try {
      mkdirSync(join(dir, '2024/05-20'), { recursive: true });
      writeFileSync(join(dir, '2024/05-20/05.yaml'), formatPageFile(PAGE, '第5版'));
      expect(readEditionPages(dir).problems.map((problem) => problem.message)).toEqual(['找不到版面 PDF“05.pdf”：应与本文件放在同一目录']);
      writeFileSync(join(dir, '2024/05-20/05.pdf'), 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n');
      const { pages, problems } = readEditionPages(dir);
      expect(pages).toEqual([]);
      expect(problems).toMatchObject([{ field: 'pdf', line: 3, message: expect.stringContaining('是 Git LFS 指针文件，PDF 本身尚未取回：请运行 git lfs pull') }]);
      writeFileSync(join(dir, '2024/05-20/05.pdf'), '%PDF-1.7 a page');
      const read = readEditionPages(dir);
      expect(read.problems).toEqual([]);
      expect(read.pages[0]).toMatchObject({ date: '2024-05-20', page: '05', pdfDigest: expect.stringMatching(/^[0-9a-f]{64}$/), idLines: [7, 11] });
      // Lines of the printed articles' ids only, not of the unlocated ones.
      expect(read.pages[0]!.unlocated).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
