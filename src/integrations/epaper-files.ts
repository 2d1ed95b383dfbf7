/**
 * The e-paper's files in the site: each printed page's PDF and pictures, listed by the pages' loader
 * (src/data/edition-pages-loader.ts) in the cache directory, copied into `_epaper/` of the output when the
 * pages are written. Their names are content-addressed, so an unchanged page keeps its URLs and a host's cache.
 * After kept-pages (which removes what the build did not write) and before the indexer's check of the output.
 * `astro dev` serves them from where they are.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EPAPER_DIR, EPAPER_FILES, type EpaperFile } from '../data/edition-pages-loader.ts';

const TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.avif': 'image/avif', '.webp': 'image/webp' };

/** Copies the listed files into `<outDir>/_epaper/`; how many. */
export async function copyEpaperFiles(cacheDir: string, outDir: string): Promise<number> {
  const list = join(cacheDir, EPAPER_FILES);
  if (!existsSync(list)) return 0;
  const files = JSON.parse(readFileSync(list, 'utf8')) as EpaperFile[];
  if (files.length === 0) return 0;
  const dir = join(outDir, EPAPER_DIR);
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map((file) => copyFile(file.from, join(dir, file.name))));
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
        const copied = await copyEpaperFiles(cacheDir, fileURLToPath(dir));
        if (copied) logger.info(`数字报：${copied} 个版面文件（PDF、版面图）`);
      },
    },
  };
}
