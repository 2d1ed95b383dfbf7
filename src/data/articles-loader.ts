/**
 * The articles collection's loader, written against Astro's public loader API: the articles come from the
 * archive's one source (lib/archive/source.ts), each file read once, and each body rendered once by Astro's
 * renderMarkdown — the one Markdown pipeline (src/markdown.ts), which also checks the body and reads its text
 * and 导语. Whatever is wrong with any article stops the build with file:line:column and field, every bad
 * article named at once, also when the failure happens inside a library (Astro's image check, the renderer).
 *
 * While it syncs it hands the search indexer what it needs (lib/archive/index-input.ts): the list of the archive and
 * each article's text, so the indexer, a process of its own, never reads an article file.
 *
 * A file whose digest is the one stored by the last build is not parsed or rendered again: its stored data
 * says when it is published, its text is kept by digest; its photos are checked again.
 */
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readArchive, renderArticle, type KeptArticle, type RenderMarkdown } from '../lib/archive/source.ts';
import { formatProblem, type ArticleProblem } from '../lib/article/file.ts';
import type { Column } from '../lib/newsroom/newsroom.ts';
import { photoFileProblem } from '../lib/article/image-type.ts';
import { archiveEntry, hasIndexedText, indexedArticle, indexedTextWriter, INDEX_INPUT_DIR, pruneIndexedTexts, writeArchiveList } from '../lib/archive/index-input.ts';
import { byPlace } from '../lib/order.ts';
import { LEAD_SUMMARY } from './lead-summary.ts';

export interface ArticlesLoaderOptions {
  contentDir: string;
  columns: readonly Column[];
  /** The moment the build publishes as of. */
  now: Date;
}

function articleError(problems: readonly ArticleProblem[]): Error {
  return new Error(`文章有误，构建已停止：\n${problems.map(formatProblem).join('\n')}`);
}

export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  return {
    name: 'news-articles',
    load: async (context) => {
      await syncArticles(context, options);
      // `astro dev`: an edited, added or removed article syncs the archive again (unchanged files cost a read);
      // a bad one is reported and the last good entries stay.
      const watcher = context.watcher;
      if (!watcher) return;
      watcher.add(options.contentDir);
      const inArchive = (path: string) => path.startsWith(options.contentDir + sep) && path.endsWith('.md');
      const resync = (path: string) => {
        if (!inArchive(path)) return;
        syncArticles(context, options).catch((error: Error) => context.logger.error(error.message));
      };
      watcher.on('change', resync);
      watcher.on('add', resync);
      watcher.on('unlink', resync);
    },
  };
}

/** Photos of a kept file that are still there and still images; else it is read in full, and the problem reported as for any other. */
function photosStillThere(data: Record<string, unknown>, path: string): boolean {
  const photos = data.photos;
  // The store keeps a photo's src as written; anything else is read in full rather than guessed at.
  return Array.isArray(photos) && photos.every((photo: { src?: unknown }) => typeof photo?.src === 'string' && photoFileProblem(dirname(path), photo.src) === undefined);
}

async function syncArticles(context: LoaderContext, { contentDir, columns, now }: ArticlesLoaderOptions): Promise<void> {
  const { store, config } = context;
  const root = fileURLToPath(config.root);
  const inputDir = join(fileURLToPath(config.cacheDir), INDEX_INPUT_DIR);
  const kept = (id: string, digest: string, path: string): KeptArticle['data'] | undefined => {
    const stored = store.get(id);
    if (!stored || stored.digest !== digest || !hasIndexedText(inputDir, digest) || !photosStillThere(stored.data, path)) return undefined;
    return stored.data as KeptArticle['data'];
  };
  const source = readArchive(contentDir, { columns, now, checkPhotos: true, kept });
  const problems = [...source.problems];
  const render = context.renderMarkdown as RenderMarkdown;
  const texts = indexedTextWriter(inputDir);
  for (const article of source.articles) {
    if (article.kept) continue;
    const rendered = await renderArticle(article, render);
    if (!rendered.ok) {
      problems.push(...rendered.problems);
      continue;
    }
    let data: Record<string, unknown>;
    try {
      // Astro's own schema step: the photos become images of its pipeline (checked, optimised, sized).
      data = await context.parseData({ id: article.id, data: article.raw, filePath: article.path });
    } catch (error) {
      problems.push({ file: article.shown, line: 1, column: 1, field: '', message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const { html, metadata, body } = rendered.rendered;
    store.set({
      id: article.id,
      data,
      filePath: relative(root, article.path).split(sep).join('/'),
      digest: article.digest,
      // The store is bundled into every build, whatever changed: it keeps what the lists need, not the bodies.
      // Markdown's copy of the frontmatter goes (nothing reads it); the Markdown body is not kept; the rendered
      // body's HTML is kept beside the store by digest (lib/archive/index-input.ts), where the article's page
      // reads it (src/data/article-body.ts) — nine tenths of the store at 10,000 articles. The 导语 stays.
      rendered: { html: '', metadata: { ...metadata, frontmatter: {}, [LEAD_SUMMARY]: body.lead } },
      assetImports: metadata.imagePaths,
    });
    texts.write(article.digest, indexedArticle(article.data, body.lines), html);
  }
  await texts.done();
  if (problems.length) throw articleError(problems.sort(byPlace));
  const ids = new Set(source.articles.map((article) => article.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  writeArchiveList(inputDir, {
    builtAt: now.toISOString(),
    articles: source.articles.map(archiveEntry),
  });
  pruneIndexedTexts(inputDir, new Set(source.articles.map((article) => article.digest)));
}
