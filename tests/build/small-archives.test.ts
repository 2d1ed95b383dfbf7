/**
 * A newsroom starting its own site: its config (the second test newsroom's), the examples removed, then its
 * first article added. The site builds, with its search index, from an empty archive and from that one article.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { parseSearchPartsManifest } from '../../src/lib/search/parts-manifest.ts';
import { browseBuiltSite } from '../chromium.ts';
import { QINGWEI, siteEnv } from '../fixtures/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'news-small-archives-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds the site of `prepare`'s articles; without it, of an articles directory that is not there at all. */
async function build(name: string, prepare?: (contentDir: string) => void) {
  const contentDir = join(work, name, 'content');
  if (prepare) {
    mkdirSync(contentDir, { recursive: true });
    prepare(contentDir);
  }
  const env = { ...process.env, ...siteEnv(QINGWEI, contentDir), OUT_DIR: join(work, name, 'dist'), ASTRO_CACHE_DIR: join(work, name, 'cache') };
  const result = await buildSite({ env });
  expect(result.ok, result.output.slice(-3000)).toBe(true);
  const read = (path: string) => readFileSync(join(result.outDir, path), 'utf8');
  const manifest = parseSearchPartsManifest(JSON.parse(read('pagefind/parts.json')));
  const { path, words, pinyin, readings } = manifest.lexicon;
  for (const file of [`w${words - 1}.json`, `p${pinyin - 1}.json`, `r${readings - 1}.json`]) expect(existsSync(join(result.outDir, 'pagefind', path, file)), file).toBe(true);
  return { env, read, manifest, pages: readdirSync(result.outDir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html')) };
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
    const site = await build('one', (dir) => {
      mkdirSync(join(dir, '2025/03'), { recursive: true });
      cpSync(join(QINGWEI.articles, '2025/03/wetland-bird-survey.md'), join(dir, '2025/03/wetland-bird-survey.md'));
    });
    expect(site.pages).toContain('articles/2025/03/wetland-bird-survey/index.html');
    expect(site.read('index.html')).toContain('青苇湿地开展春季鸟类调查');
    expect(site.manifest.parts.map((part) => part.pages)).toEqual([1]);
    expect(await searchStatus(site.env, '白琵鹭')).toBe('找到 1 篇包含“白琵鹭”的报道。');
  }, 240_000);
});
