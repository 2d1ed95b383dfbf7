/** The articles the built test site must publish, read from its Markdown with the same rules as the build. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPublished } from '../../src/lib/article/schema.ts';
import { parseArticleFile } from '../../src/lib/article/file.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';

export function publishedArticleIds(root = ZHONGYUAN.articles, now = new Date()): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .flatMap((file) => {
      const parsed = parseArticleFile(readFileSync(join(root, file), 'utf8'), file, { columns: ZHONGYUAN.newsroom.columns });
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      return isPublished(parsed.data, now) ? [file.replace(/\.md$/, '')] : [];
    })
    .sort();
}
