import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import { articleMarkdownProcessor } from './src/markdown.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  base: site.basePath,
  trailingSlash: 'always',
  // Tests and benchmarks build other archives side by side without sharing output or content cache.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  markdown: { processor: articleMarkdownProcessor },
  integrations: [pagefind()],
});
