/**
 * A newsroom starting its own site: its config (the second test newsroom's), the examples removed, then its
 * first article added. The site builds, with its search index, from an empty archive and from that one article.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSearchPartsManifest } from '../../src/lib/search/parts-manifest.ts';
import { browseBuiltSite } from '../chromium.ts';
import { QINGWEI } from '../fixtures/sites.ts';
import { temporaryArchive, type TemporaryArchive } from '../helpers/archive.ts';
import { scratchDir } from '../helpers/scratch.ts';

const work = scratchDir('small-archives');

/** Builds the site of `prepare`'s articles; without it, of an articles directory that is not there at all. */
async function build(name: string, prepare?: (archive: TemporaryArchive) => void) {
  const archive = temporaryArchive(join(work, name), { newsroom: QINGWEI, from: [], exists: !!prepare });
  prepare?.(archive);
  expect(existsSync(archive.dir)).toBe(!!prepare);
  const site = await archive.build();
  expect(site.ok, site.output.slice(-3000)).toBe(true);
  const manifest = parseSearchPartsManifest(JSON.parse(site.read('pagefind/parts.json')));
  const { path, words, pinyin, readings } = manifest.lexicon;
  for (const file of [`w${words - 1}.json`, `p${pinyin - 1}.json`, `r${readings - 1}.json`]) expect(existsSync(join(site.outDir, 'pagefind', path, file)), file).toBe(true);
  return { env: site.env, read: site.read, manifest, pages: site.html() };
}

/** The search page's status line for `query`, in Chromium, on the built site served by astro preview. */
function searchStatus(env: NodeJS.ProcessEnv, query: string): Promise<string> {
  return browseBuiltSite(env, async (page, origin) => {
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    const status = page.locator('[data-search-status]');
    await status.filter({ hasText: /找到/ }).waitFor({ timeout: 30_000 });
    return (await status.textContent()) ?? '';
  });
}

describe('a site of its own', () => {
  // As after `git rm -r content/articles`: Git keeps no empty directory, so there is none.
  it('builds from an empty archive: home, archive, search page and an empty index', async () => {
    const site = await build('empty');
    for (const page of ['index.html', 'archive/index.html', 'search/index.html', 'tags/index.html', 'people/index.html', '404.html']) expect(site.pages).toContain(page);
    expect(site.pages.some((page) => page.startsWith('articles/'))).toBe(false);
    expect(site.manifest.parts.reduce((sum, part) => sum + part.pages, 0)).toBe(0);
    expect(site.read('rss.xml')).toContain('<channel>');
    // The search page opens the empty index and finds nothing, rather than failing to load it.
    expect(await searchStatus(site.env, '白琵鹭')).toBe('没有找到包含“白琵鹭”的报道。可以换个说法，或减少搜索词、筛选条件。');
  }, 240_000);

  it('builds from a single article', async () => {
    const site = await build('one', (archive) => archive.write('2025/03/wetland-bird-survey.md', readFileSync(join(QINGWEI.articles, '2025/03/wetland-bird-survey.md'))));
    expect(site.pages).toContain('articles/2025/03/wetland-bird-survey/index.html');
    expect(site.read('index.html')).toContain('青苇湿地开展春季鸟类调查');
    expect(site.manifest.parts.map((part) => part.pages)).toEqual([1]);
    expect(await searchStatus(site.env, '白琵鹭')).toBe('找到 1 篇包含“白琵鹭”的报道。');
  }, 240_000);
});
