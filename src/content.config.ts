/**
 * The articles collection: the archive's one source through its loader (src/data/articles-loader.ts), and the
 * article schema built from the newsroom's columns (lib/article/schema.ts).
 */
import { defineCollection } from 'astro:content';
import { articleSchemaFor, withPhotoSources } from './lib/article/schema.ts';
import { buildTime, contentDir, editionsDir, site } from 'virtual:news/settings';
import { articlesLoader } from './data/articles-loader.ts';
import { editionPagesLoader } from './data/edition-pages-loader.ts';

export const collections = {
  // Photo paths become images of Astro's pipeline (checked to exist, optimised, sized) only here; lib stays plain.
  articles: defineCollection({
    loader: articlesLoader({ contentDir, columns: site.columns, now: buildTime }),
    schema: ({ image }) => withPhotoSources(articleSchemaFor(site.columns), image()),
  }),
  // The e-paper's printed pages (editions/ beside the articles, or EDITIONS_DIR), each with its PDF's pictures.
  editionPages: defineCollection({ loader: editionPagesLoader({ editionsDir }) }),
};
