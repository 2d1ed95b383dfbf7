/** Fixture articles as the build reads them: the archive's one source (src/lib/archive/source.ts), any problem thrown. */
import { readArchive, type SourceArticle } from '../../src/lib/archive/source.ts';
import { formatProblem } from '../../src/lib/article/file.ts';
import type { Column } from '../../src/lib/newsroom/newsroom.ts';

/** Every article of `dir`, parsed and validated, published or not as of `now`; throws naming every problem. */
export function readFixtureArticles(dir: string, columns: readonly Column[], now = new Date()): SourceArticle[] {
  const { articles, problems } = readArchive(dir, { columns, now });
  if (problems.length) throw new Error(`the fixture articles in ${dir} are not valid:\n${problems.map(formatProblem).join('\n')}`);
  // Without `kept`, the source reads every file.
  return articles.filter((article): article is SourceArticle => !article.kept);
}
