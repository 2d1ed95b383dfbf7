/**
 * The articles collection. Astro's glob loader finds the files; before Astro's own validation, every file
 * is read by lib/article-file.ts so that a bad article stops the build with file:line:column and field.
 */
import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { withPhotoSources } from './lib/article.ts';
import { articleIdFromPath } from './lib/article-id.ts';
import { formatProblem, parseArticleFile } from './lib/article-file.ts';
import { displayPath } from './lib/display-path.ts';
import { contentDir } from './content-dir.ts';

type ParseDataOptions<TData extends Record<string, unknown>> = Parameters<LoaderContext['parseData']>[0] & { data: TData };

function articlesLoader(): Loader {
  // Ids from lib, so the search indexer (which reads the files itself) derives the same URLs.
  const inner = glob({ pattern: '**/*.md', base: contentDir, generateId: ({ entry }) => articleIdFromPath(entry) });
  return {
    name: 'news-articles',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async <TData extends Record<string, unknown>>(entry: ParseDataOptions<TData>): Promise<TData> => {
          const file = entry.filePath ?? '';
          const checked = parseArticleFile(await readFile(file, 'utf8'), displayPath(file));
          if (!checked.ok) {
            throw new Error(`文章有误，构建已停止：\n${checked.problems.map(formatProblem).join('\n')}`);
          }
          // Hand Astro the data as written (dates as text), so its validation sees what we saw.
          return context.parseData({ ...entry, data: checked.raw as TData });
        },
      }),
  };
}

export const collections = {
  // Photo paths become images of Astro's pipeline (checked to exist, optimised, sized) only here; lib stays plain.
  articles: defineCollection({ loader: articlesLoader(), schema: ({ image }) => withPhotoSources(image()) }),
};
