import { describe, expect, it } from 'vitest';
import { archiveChanges, describeChanges, pagesAgainstManifest, type ArchiveEntry, type ArchiveManifest } from '../../src/lib/archive/manifest.ts';

const entry = (id: string, digest: string, published = true, part: string | null = '2024-abc'): ArchiveEntry => ({
  id,
  url: `/articles/${id}/`,
  file: `${id}.md`,
  digest,
  date: '2024-05-06T00:00:00.000Z',
  published,
  ...(published && part ? { part } : {}),
});
const manifest = (...articles: ArchiveEntry[]): ArchiveManifest => ({ builtAt: '2024-06-01T00:00:00.000Z', articles });

describe('the archive manifest', () => {
  it('agrees with pages that are exactly its published articles, whatever its drafts', () => {
    const list = manifest(entry('2024/05/a', 'd1'), entry('2024/05/draft', 'd2', false));
    expect(pagesAgainstManifest(list, ['/articles/2024/05/a/'])).toEqual([]);
  });

  it('names a published article without a page, one not in the index, and a page of no published article', () => {
    const list = manifest(entry('2024/05/a', 'd1'), entry('2024/05/b', 'd2', true, null), entry('2024/05/draft', 'd3', false));
    expect(pagesAgainstManifest(list, ['/articles/2024/05/b/', '/articles/2024/05/draft/'])).toEqual([
      '2024/05/a.md：已发布，但网站没有它的页面 /articles/2024/05/a/',
      '2024/05/b.md：已发布，但不在搜索索引中',
      '/articles/2024/05/draft/：网站有这个文章页面，但它不是本次发布的文章',
    ]);
  });

  it('says what a build publishes differently from the last: new, changed, withdrawn (or embargoed again)', () => {
    const before = manifest(entry('a', 'd1'), entry('b', 'd2'), entry('c', 'd3'), entry('later', 'd4', false));
    const after = manifest(entry('a', 'd1'), entry('b', 'd2-corrected'), entry('later', 'd4'), entry('new', 'd5'));
    const changes = archiveChanges(before, after);
    expect(changes.added.map((e) => e.id)).toEqual(['later', 'new']);
    expect(changes.changed.map((e) => e.id)).toEqual(['b']);
    expect(changes.withdrawn.map((e) => e.id)).toEqual(['c']);
    expect(describeChanges(changes)).toBe('与上次构建相比：新发布 2 篇，修改 1 篇，撤下 1 篇');
    expect(describeChanges(archiveChanges(undefined, after))).toBe('发布 4 篇文章（缓存中没有上次构建的文章清单，无从比较）');
  });
});
