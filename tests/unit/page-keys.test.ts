import { describe, expect, it } from 'vitest';
import { articleVersion, pageCacheKey, withCacheKeys } from '../../src/lib/archive/page-keys.ts';

const entry = (id: string, digest: string, photos: string[] = [], title = id) => ({
  id,
  collection: 'articles',
  digest,
  body: '正文',
  data: { title, photos: photos.map((src) => ({ src: { src, width: 1600, height: 1067 }, alt: '照片' })) },
});

describe('page cache keys', () => {
  it('stand for an article by its id, file digest and photos’ output names', () => {
    expect(articleVersion(entry('2024/05/a', 'd1', ['/_astro/a.x1.jpg']))).toBe('2024/05/a\nd1\n/_astro/a.x1.jpg');
  });

  it('change when an article the page shows changes: its file, a photo, or which articles are shown', () => {
    const a = entry('a', 'd1');
    const b = entry('b', 'd2');
    const page = { article: a, related: [b], newer: undefined, older: b };
    const key = pageCacheKey(page);
    expect(pageCacheKey({ ...page })).toBe(key);
    expect(pageCacheKey({ ...page, related: [entry('b', 'd2-corrected')] })).not.toBe(key);
    expect(pageCacheKey({ ...page, article: entry('a', 'd1', ['/_astro/a.new.jpg']) })).not.toBe(key);
    expect(pageCacheKey({ ...page, related: [b, entry('c', 'd3')] })).not.toBe(key);
    expect(pageCacheKey({ ...page, older: undefined, newer: b })).not.toBe(key);
  });

  it('cover everything else in the props as it is (a list page’s numbers, a person’s roles)', () => {
    const list = { page: { data: [entry('a', 'd1')], currentPage: 2, lastPage: 3, total: 41, url: { prev: '/x/1/', next: '/x/3/' } }, roles: ['记者'] };
    const key = pageCacheKey(list);
    expect(pageCacheKey({ ...list, page: { ...list.page, lastPage: 4 } })).not.toBe(key);
    expect(pageCacheKey({ ...list, roles: ['记者', '摄影'] })).not.toBe(key);
    expect(pageCacheKey({ ...list, page: { ...list.page, data: [entry('b', 'd1')] } })).not.toBe(key);
  });

  it('ignore what a page cannot show differently: the rendered body is in the digest', () => {
    const a = entry('a', 'd1');
    expect(pageCacheKey({ article: { ...a, body: '另一份内存中的副本' } })).toBe(pageCacheKey({ article: a }));
  });

  it('refuse an article without a digest rather than key it by its id alone', () => {
    expect(() => pageCacheKey({ article: { id: 'a', collection: 'articles', data: {} } })).toThrow(/no digest/);
  });

  it('are added to every path getStaticPaths returns', () => {
    const paths = withCacheKeys([{ params: { id: 'a' }, props: { article: entry('a', 'd1') } }, { params: { id: 'b' } }]);
    expect(paths[0]!.cacheKey).toBe(pageCacheKey({ article: entry('a', 'd1') }));
    expect(paths[1]!.cacheKey).toBe(pageCacheKey({}));
    expect(paths[0]!.params).toEqual({ id: 'a' });
  });
});
