/** The articles the built test site must publish, read from its Markdown with the same rules as the build. */
import { ZHONGYUAN } from '../fixtures/sites.ts';
import { readFixtureArticles } from '../helpers/articles.ts';

export function publishedArticleIds(root = ZHONGYUAN.articles, now = new Date()): string[] {
  return readFixtureArticles(root, ZHONGYUAN.newsroom.columns, now)
    .filter((article) => article.published)
    .map((article) => article.file.replace(/\.md$/, ''))
    .sort();
}
