/**
 * Builds the Pagefind search index right after Astro writes the site, so `astro build` is the one step
 * that produces a searchable site. Only what the pages mark with data-pagefind-body is indexed
 * (the article: headline and text), never navigation. A failure fails the build.
 *
 * In `astro dev` there is no build output, so the dev server serves the index of the last build
 * (dist/pagefind/) instead: search works while editing, over the content as it was last built.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import * as pagefind from 'pagefind';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export default function pagefindIntegration(): AstroIntegration {
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'news-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const indexDir = join(outDir, 'pagefind');
        logger.info(`search in dev uses the index of the last build: ${indexDir}`);
        server.middlewares.use(async (request, response, next) => {
          const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
          if (!path.startsWith(`${base}pagefind/`)) return next();
          const file = normalize(join(indexDir, path.slice(`${base}pagefind/`.length)));
          if (!file.startsWith(indexDir)) return next();
          try {
            const body = await readFile(file);
            response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
            response.setHeader('Cache-Control', 'no-store');
            response.end(body);
          } catch {
            next();
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
          const added = await index.addDirectory({ path: siteDir });
          if (added.errors.length) throw new Error(`Pagefind 建索引出错：${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
          if (written.errors.length) throw new Error(`Pagefind 写索引出错：${written.errors.join('; ')}`);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`scanned ${added.page_count} pages, indexed ${await indexedPageCount(siteDir)} articles in ${seconds} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/** Pages that made it into the index (those with data-pagefind-body), as Pagefind's entry file records them. */
async function indexedPageCount(siteDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(`${siteDir}/pagefind/pagefind-entry.json`, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
