/**
 * The e-paper view end to end: a print page imported with --date and --page, its articles published, the
 * site built and read in Chromium — from the archive to the edition, its page in print order, and each
 * article saying where it was printed.
 */
import { execFileSync } from 'node:child_process';
import { expect as expectPage } from '@playwright/test';
import { expect, it } from 'vitest';
import { listArticleFiles } from '../../src/lib/archive/source.ts';
import { browseBuiltSite } from '../chromium.ts';
import { siteEnv, ZHONGYUAN } from '../fixtures/sites.ts';
import { temporaryArchive } from '../helpers/archive.ts';
import { scratchDir } from '../helpers/scratch.ts';

const work = scratchDir('editions');

it('an imported page appears as an edition, its articles in print order, each saying where it was printed', async () => {
  const archive = temporaryArchive(work, { from: [] });
  const imported = execFileSync(process.execPath, ['src/cli/import.ts', 'tests/fixtures/print-edition-2.txt', '--date', '2025-01-02', '--page', '第5版', '--out', archive.dir], { encoding: 'utf8', env: { ...process.env, ...siteEnv(ZHONGYUAN, archive.dir) } });
  const titles = [...imported.matchAll(/已写入 \S+：(.+)/g)].map((match) => match[1]!);
  expect(titles.length).toBe(3);
  // Published as an editor does: a column chosen, draft: true removed.
  const files = listArticleFiles(archive.dir);
  expect(files).toHaveLength(3);
  for (const file of files) archive.edit(file, (text) => text.replace('draft: true\n', 'column: 民生社会\n'));
  const site = await archive.build();
  expect(site.ok, site.output.slice(-3000)).toBe(true);

  await browseBuiltSite(site.env, async (page, origin) => {
    await page.goto(`${origin}/archive/`);
    await page.getByRole('link', { name: '数字报：按版面浏览' }).click();
    // The newest edition, named beside its day in the newest month's calendar.
    await page.locator('main p').getByRole('link', { name: '2025年1月2日' }).click();
    expect(new URL(page.url()).pathname).toBe('/editions/2025/01-02/');
    expect(await page.locator('h1').textContent()).toContain('2025年1月2日');
    expect(await page.locator('.edition-page h2').allTextContents()).toEqual(['第5版']);
    expect(await page.locator('.edition-page .article-list__title').allTextContents()).toEqual(titles);
    await page.getByRole('link', { name: titles[1]! }).click();
    const printed = page.locator('.article__printed a');
    expect(await printed.textContent()).toBe('刊于2025年1月2日第5版');
    await printed.click();
    // Its 版's page (imported without a PDF: the page's articles and the edition's page navigation).
    expect(new URL(page.url()).pathname).toBe('/editions/2025/01-02/5/');
    expect(await page.locator('.edition-page-view__list .article-list__title, .article-list__title').allTextContents()).toEqual(titles);
    await expectPage(page.locator('.edition-nav__pages [aria-current="page"]')).toHaveText('第5版');
    // 往期: the year's calendar links the edition's day.
    await page.goto(`${origin}/editions/2025/`);
    expect(await page.locator('.edition-calendar__title').allTextContents()).toEqual(['2025年1月 1 期']);
    await page.locator('.edition-calendar').getByRole('link', { name: '2025年1月2日' }).click();
    expect(new URL(page.url()).pathname).toBe('/editions/2025/01-02/');
  });
}, 240_000);
