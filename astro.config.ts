import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import remarkCjkFriendly from 'remark-cjk-friendly';
import pagefind from './src/integrations/pagefind.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  base: site.basePath,
  trailingSlash: 'always',
  // Tests and benchmarks build other archives side by side without sharing output or content cache.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  markdown: {
    // The unified processor, because remark and rehype plugins run only there (Astro 7's default is Rust).
    processor: unified({
      // `**“三化改造”**方面` is bold only with CJK-aware emphasis rules.
      remarkPlugins: [remarkCjkFriendly],
      // Heading ids that keep Chinese characters (#会议部署), for linkable sections.
      rehypePlugins: [rehypeSlug],
      // SmartyPants would rewrite quotes and dashes: Chinese text keeps its own punctuation as written.
      smartypants: false,
    }),
  },
  integrations: [pagefind()],
});
