import { describe, expect, it } from 'vitest';
import { createUrls } from '../../src/lib/urls.ts';

describe('createUrls', () => {
  it('builds trailing-slash URLs at the root', () => {
    const urls = createUrls('/');
    expect(urls.article('2024/05/safety-inspection')).toBe('/articles/2024/05/safety-inspection/');
    expect(urls.archiveMonth(2024, 5)).toBe('/archive/2024/05/');
    expect(urls.column('politics')).toBe('/columns/politics/');
    expect(urls.column('politics', 2)).toBe('/columns/politics/2/');
  });

  it('applies a base path once and encodes Chinese names', () => {
    const urls = createUrls('/news');
    expect(urls.home()).toBe('/news/');
    expect(urls.tag('燃气安全')).toBe('/news/tags/%E7%87%83%E6%B0%94%E5%AE%89%E5%85%A8/');
    expect(urls.search('三化 改造')).toBe('/news/search/?q=%E4%B8%89%E5%8C%96%20%E6%94%B9%E9%80%A0');
    expect(urls.asset('/favicon.svg')).toBe('/news/favicon.svg');
  });
});
