/**
 * Builds the Pagefind search index right after Astro writes the site, so `astro build` is the one step
 * that produces a searchable site. Only what the pages mark with data-pagefind-body is indexed
 * (the article: headline and text), never navigation. A failure fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'news-pagefind',
    hooks: {
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
