/**
 * The articles collection. Astro's glob loader finds the files; every file is read by lib/article-file.ts
 * before Astro looks at it, so that whatever is wrong with an article (its encoding, its frontmatter, a
 * schema field, a photo path, its body, its file name) stops the build with file:line:column and field —
 * also when the failure happens inside a library (Astro's image check, the Markdown renderer).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentEntryType } from 'astro';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { articleSchemaFor, withPhotoSources } from './lib/article.ts';
import { articleFileNameProblems, articleIdFromPath } from './lib/article-id.ts';
import { decodeArticleFile, formatProblem, parseArticleFile, type ArticleProblem } from './lib/article-file.ts';
import { displayPath } from './lib/display-path.ts';
import { photoFileProblem } from './lib/image-type.ts';
import { byPlace } from './lib/order.ts';
import { deriveSummary } from './lib/text.ts';
import { contentDir, site } from './build-settings.ts';
import { listArticleFiles } from './cli/article-files.ts';
import { LEAD_SUMMARY } from './data/lead-summary.ts';

type ParseDataOptions<TData extends Record<string, unknown>> = Parameters<LoaderContext['parseData']>[0] & { data: TData };
/**
 * The context Astro 7 gives a loader has the entry types (Markdown's frontmatter parser and renderer) that the
 * glob loader uses; its public type does not list them. Wrapping them is how every file is read by us first.
 */
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, ContentEntryType> };

function articleError(problems: readonly ArticleProblem[]): Error {
  return new Error(`文章有误，构建已停止：\n${problems.map(formatProblem).join('\n')}`);
}

/** The file names of the whole archive, checked before any file is read: two files at one URL name both. */
function checkFileNames(): void {
  const paths = listArticleFiles(contentDir);
  const problems = articleFileNameProblems(paths, (path) => displayPath(join(contentDir, path)));
  if (problems.length) throw articleError(problems);
}

/**
 * The stored entry of a file that is byte for byte what was read and checked last build (Astro's glob loader
 * skips such a file too, but only after asking us to read it: reading the YAML of every file again was half of
 * a warm sync). The check that depends on other files — its photos are there and are images — runs again; a
 * file that fails it is read in full, so the problem is reported as for any other.
 */
function unchangedEntry(context: LoaderContext, path: string, contents: string) {
  const stored = context.store.get(articleIdFromPath(relative(contentDir, path)));
  if (!stored?.filePath || stored.digest !== context.generateDigest(contents)) return undefined;
  const photos = (stored.data as { photos?: unknown }).photos;
  if (!Array.isArray(photos)) return undefined;
  // The store keeps a photo's src as written; anything else is read in full rather than guessed at.
  const photosThere = photos.every((photo: { src?: unknown }) => typeof photo?.src === 'string' && photoFileProblem(dirname(path), photo.src) === undefined);
  return photosThere ? stored : undefined;
}

function articlesLoader(): Loader {
  // Ids from lib, so the search indexer (which reads the files itself) derives the same URLs.
  // No body in the data store: it is a third of it, and the store is read, written, bundled into the build and
  // parsed on every build (docs/performance.md). What the pages need of the body is kept at render time below.
  const inner = glob({ pattern: '**/*.md', base: contentDir, generateId: ({ entry }) => articleIdFromPath(entry), retainBody: false });
  return {
    name: 'news-articles',
    load: async (loaderContext) => {
      const context = loaderContext as GlobLoaderContext;
      checkFileNames();
      const markdown = context.entryTypes.get('.md');
      if (!markdown?.getRenderFunction) throw new Error('Astro has no Markdown entry type');
      // Where each body starts in its file, so a renderer's line becomes the file's line.
      const bodyLines = new Map<string, number>();
      // The glob loader logs a failed render and stores the article without HTML; that must stop the build.
      const renderFailures: ArticleProblem[] = [];
      // While the archive is first read, a bad file is noted and read on as an empty stand-in, so that one
      // build names every bad article (the glob loader would stop at whichever failed first); the stand-ins
      // are removed before the build stops. Later changes (astro dev) fail one by one, keeping the last good entry.
      let firstRead = true;
      const readProblems: ArticleProblem[] = [];
      const badFiles = new Set<string>();
      const reject = (path: string, problems: readonly ArticleProblem[]) => {
        if (!firstRead) throw articleError(problems);
        readProblems.push(...problems);
        badFiles.add(path);
        return { data: {}, body: '', slug: '', rawData: '' };
      };
      const articles: ContentEntryType = {
        ...markdown,
        // Our reading replaces Astro's frontmatter parser (js-yaml), so one parser decides what a file says.
        getEntryInfo: async ({ contents, fileUrl }) => {
          const path = fileURLToPath(fileUrl);
          const file = displayPath(path);
          // Astro decoded the file leniently; a replacement character is where a wrong encoding shows.
          const decoded = contents.includes('\uFFFD') ? decodeArticleFile(await readFile(path), file) : { ok: true as const, source: contents };
          if (!decoded.ok) return reject(path, decoded.problems);
          const unchanged = unchangedEntry(context, path, decoded.source);
          if (unchanged) return { data: unchanged.data, body: unchanged.body ?? '', slug: '', rawData: '' };
          const checked = parseArticleFile(decoded.source, file, { columns: site.columns, photoProblem: (src) => photoFileProblem(dirname(path), src) });
          if (!checked.ok) return reject(path, checked.problems);
          const body = checked.body.trim();
          bodyLines.set(path, checked.bodyStartLine + (checked.body.slice(0, checked.body.indexOf(body)).match(/\n/g)?.length ?? 0));
          return { data: checked.raw, body, slug: '', rawData: '' };
        },
        getRenderFunction: async (config) => {
          const render = await markdown.getRenderFunction!(config);
          return async (entry) => {
            try {
              const rendered = await render(entry);
              // The lead for lists and descriptions (summaryOf), while the body is at hand; Markdown's copy of
              // the frontmatter goes, as nothing reads it (remarkPluginFrontmatter) and it was a tenth of the store.
              return { ...rendered, metadata: { ...rendered.metadata, frontmatter: {}, [LEAD_SUMMARY]: deriveSummary(entry.body ?? '') } };
            } catch (error) {
              const path = entry.filePath ?? '';
              const at = error as { line?: number; column?: number };
              renderFailures.push({
                file: displayPath(path),
                line: (bodyLines.get(path) ?? 1) + Math.max((at.line ?? 1) - 1, 0),
                column: at.column ?? 1,
                field: '',
                message: `正文无法转换为网页：${error instanceof Error ? error.message : String(error)}`,
              });
              throw error;
            }
          };
        },
      };
      const wrapped: GlobLoaderContext = {
        ...context,
        entryTypes: new Map([...context.entryTypes, ['.md', articles]]),
        parseData: async <TData extends Record<string, unknown>>(entry: ParseDataOptions<TData>): Promise<TData> => {
          if (entry.filePath && badFiles.has(entry.filePath)) return entry.data; // a stand-in, removed below
          try {
            return await context.parseData(entry);
          } catch (error) {
            // Astro's own validation (the image check of photos) knows the entry's id, not its file.
            const message = error instanceof Error ? error.message : String(error);
            throw articleError([{ file: displayPath(entry.filePath ?? entry.id), line: 1, column: 1, field: '', message }]);
          }
        },
      };
      await inner.load(wrapped);
      firstRead = false;
      if (readProblems.length) {
        for (const path of badFiles) context.store.delete(articleIdFromPath(relative(contentDir, path)));
        throw articleError(readProblems.sort(byPlace));
      }
      if (renderFailures.length) throw articleError(renderFailures);
    },
  };
}

export const collections = {
  // Photo paths become images of Astro's pipeline (checked to exist, optimised, sized) only here; lib stays plain.
  articles: defineCollection({ loader: articlesLoader(), schema: ({ image }) => withPhotoSources(articleSchemaFor(site.columns), image()) }),
};
