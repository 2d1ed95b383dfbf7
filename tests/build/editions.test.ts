/**
 * The e-paper view end to end: a print page imported with --date and --page, its articles published, the
 * site built and read in Chromium — from the archive to the edition, its page in print order, and each
 * article saying where it was printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/lib/archive/source.ts';
import { buildSite } from '../../src/build/build-site.ts';
import { browseBuiltSite } from '../chromium.ts';
import { siteEnv, ZHONGYUAN } from '../fixtures/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'news-editions-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('an imported page appears as an edition, its articles in print order, each saying where it was printed', async () => {
  const contentDir = join(work, 'content');
  mkdirSync(contentDir, { recursive: true });
  const imported = execFileSync(process.execPath, ['src/cli/import.ts', 'tests/fixtures/print-edition-2.txt', '--date', '2025-01-02', '--page', '第5版', '--out', contentDir], { encoding: 'utf8', env: { ...process.env, ...siteEnv(ZHONGYUAN, contentDir) } });
  const titles = [...imported.matchAll(/已写入 \S+：(.+)/g)].map((match) => match[1]!);
  expect(titles.length).toBe(3);
  // Published as an editor does: a column chosen, draft: true removed.
  for (const file of listArticleFiles(contentDir)) {
    const path = join(contentDir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace('draft: true\n', 'column: 民生社会\n'));
  }
  const env = { ...process.env, ...siteEnv(ZHONGYUAN, contentDir), OUT_DIR: join(work, 'dist'), ASTRO_CACHE_DIR: join(work, 'cache') };
  const result = await buildSite({ env });
  expect(result.ok, result.output.slice(-3000)).toBe(true);

  await browseBuiltSite(env, async (page, origin) => {
    await page.goto(`${origin}/archive/`);
    await page.getByRole('link', { name: '数字报：按版面浏览' }).click();
    await page.getByRole('link', { name: '2025年1月2日' }).click();
    expect(new URL(page.url()).pathname).toBe('/editions/2025/01-02/');
    expect(await page.locator('h1').textContent()).toContain('2025年1月2日');
    expect(await page.locator('.edition-page h2').allTextContents()).toEqual(['第5版']);
    expect(await page.locator('.edition-page .article-list__title').allTextContents()).toEqual(titles);
    await page.getByRole('link', { name: titles[1]! }).click();
    const printed = page.locator('.article__printed a');
    expect(await printed.textContent()).toBe('刊于2025年1月2日第5版');
    await printed.click();
    expect(new URL(page.url()).pathname).toBe('/editions/2025/01-02/');
    // The year's list says which pages the edition had.
    await page.goto(`${origin}/editions/2025/`);
    expect(await page.locator('.edition-list li').allTextContents()).toEqual(['2025年1月2日 第5版 · 3 篇']);
  });
}, 240_000);
