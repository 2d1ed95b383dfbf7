import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { articleSchemaFor, withPhotoSources } from '../../src/lib/article/schema.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';

const articleSchema = articleSchemaFor(ZHONGYUAN.newsroom.columns);

const article = {
  title: '中原区启动老旧小区改造',
  date: '2024-05-06',
  column: '时政要闻',
  photos: [
    { src: 'a.jpg', alt: '施工现场' },
    { src: 'b.jpg', alt: '居民议事会', caption: '居民议事会现场' },
  ],
};

describe('withPhotoSources', () => {
  it('checks the article as articleSchema does and parses each photo source with the given schema', async () => {
    const schema = withPhotoSources(articleSchema, z.string().transform((src) => ({ resolved: `/photos/${src}` })));
    const parsed = await schema.parseAsync(article);
    expect(parsed.photos.map((photo) => photo.src)).toEqual([{ resolved: '/photos/a.jpg' }, { resolved: '/photos/b.jpg' }]);
    expect(parsed.photos[1]!.caption).toBe('居民议事会现场');
    const { photos: _withSources, ...rest } = parsed;
    const { photos: _plain, ...expected } = articleSchema.parse(article);
    expect(rest).toEqual(expected);
  });

  it('reports a photo source the schema rejects at photos.N.src', async () => {
    const schema = withPhotoSources(articleSchema, z.string().refine((src) => src !== 'b.jpg', { message: '图片不存在' }));
    const result = await schema.safeParseAsync(article);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['photos', 1, 'src'], message: '图片不存在' })]);
  });

  it('reports the article’s own problems before any photo is parsed', async () => {
    let parsedSources = 0;
    const schema = withPhotoSources(articleSchema, z.string().transform((src) => (parsedSources += 1) && src));
    const result = await schema.safeParseAsync({ ...article, column: '不存在的栏目' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['column']);
    expect(parsedSources).toBe(0);
  });
});
