/**
 * The e-paper's files in the site: each printed page's PDF and pictures, listed by the pages' loader
 * (src/data/edition-pages-loader.ts) in the cache directory, copied into `_epaper/` of the output when the
 * pages are written (hard links). Their names are content-addressed, so an unchanged page keeps its URLs and a host's cache.
 * After kept-pages (which removes what the build did not write) and before the indexer's check of the output.
 * `astro dev` serves them from where they are.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { linkOrCopy } from '../build/link-tree.ts';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EPAPER_DIR, EPAPER_FILES, type EpaperFile } from '../data/edition-pages-loader.ts';

const TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.avif': 'image/avif', '.webp': 'image/webp' };

/**
 * Hard-links the listed files into `<outDir>/_epaper/` (copies across file systems); how many. Links, because a
 * decade of pages is tens of gigabytes that a publish must not copy again; safe, because every listed file is
 * the cache's own, written once under its content's name and never changed in place (page-images.ts, the
 * loader's copy of each PDF).
 */
export async function linkEpaperFiles(cacheDir: string, outDir: string): Promise<number> {
  const list = join(cacheDir, EPAPER_FILES);
  if (!existsSync(list)) return 0;
  const files = JSON.parse(readFileSync(list, 'utf8')) as EpaperFile[];
  if (files.length === 0) return 0;
  const dir = join(outDir, EPAPER_DIR);
  await mkdir(dir, { recursive: true });
  for (const file of files) linkOrCopy(file.from, join(dir, file.name));
  return files.length;
}

export default function epaperFiles(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'news-epaper-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const name = /\/_epaper\/([^/?#]+)$/.exec(request.url?.split('?')[0] ?? '')?.[1];
          const list = join(cacheDir, EPAPER_FILES);
          const file = name && existsSync(list) ? (JSON.parse(readFileSync(list, 'utf8')) as EpaperFile[]).find((entry) => entry.name === name) : undefined;
          if (!file) return next();
          response.setHeader('Content-Type', TYPES[extname(file.name)] ?? 'application/octet-stream');
          createReadStream(file.from).pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const linked = await linkEpaperFiles(cacheDir, fileURLToPath(dir));
        if (linked) logger.info(`数字报：${linked} 个版面文件（PDF、版面图）`);
      },
    },
  };
}
