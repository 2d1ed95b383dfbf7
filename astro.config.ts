import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import keptPages from './src/integrations/kept-pages.ts';
import pagefind from './src/integrations/pagefind.ts';
import epaperFiles from './src/integrations/epaper-files.ts';
import editor from './src/integrations/editor.ts';
import { otherDirectives, scriptSources } from './src/lib/html-safety/content-security.ts';
import { articleMarkdownProcessor } from './src/markdown.ts';
import newsroom from './src/integrations/newsroom.ts';
import { readBuildSettings } from './src/settings.ts';

// What this build is, read once: the newsroom's config, where the articles are, base path, site URL, build time.
const settings = readBuildSettings();

export default defineConfig({
  site: settings.siteUrl,
  base: settings.basePath,
  trailingSlash: 'always',
  // One small stylesheet (about 8 KB): inline, so no page waits on a render-blocking request.
  build: { inlineStylesheets: 'always' },
  // Tests and benchmarks build other archives side by side without sharing output or content cache.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Shiki colours code with inline style attributes, which the Content Security Policy refuses; news
  // articles rarely show code, and plain <pre><code> needs no style.
  markdown: { processor: articleMarkdownProcessor, syntaxHighlight: false },
  // A <meta> Content-Security-Policy on every page: Astro adds the hashes of its own scripts and styles,
  // BaseLayout the hash of the inline reading-settings script; nothing else inline may run.
  security: { csp: { directives: [...otherDirectives], scriptDirective: { resources: scriptSources } } },
  // Dynamic imports load small leaf modules (the highlighter, the 繁→简 converter); Vite's preload helper
  // would add 1.7 KB to every article page to speed up nothing.
  vite: { build: { modulePreload: false } },
  // A publish build reuses last build's page when its route's code and its cacheKey (src/lib/archive/page-keys.ts:
  // everything the page shows) are unchanged; the pages it may reuse are kept in cacheDir/dist.
  experimental: { incrementalBuild: true },
  integrations: [
    // The settings as the module virtual:news/settings, for the pages, the layouts and the articles loader.
    newsroom(settings),
    // First of the output's: its clean-up after the pages must come before anything reads them (the indexer's count).
    keptPages(),
    // The printed pages' PDFs and pictures (after kept-pages' clean-up, which would remove them).
    epaperFiles(),
    // Every page except the 404; the Google News sitemap is src/pages/news-sitemap.xml.ts.
    sitemap({ filter: (page) => !page.endsWith('/404/') }),
    pagefind(),
    // The web editor at /admin/, only when the newsroom's config names its forge (`editor:` in site.yaml).
    editor(settings),
  ],
});
