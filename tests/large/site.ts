/** The large evaluation archive: the corpus inside a few thousand synthetic articles (build-site.ts). */
import { resolve } from 'node:path';

export const LARGE_SITE = {
  dir: resolve('.eval-large'),
  contentDir: resolve('.eval-large/content'),
  outDir: resolve('.eval-large/dist'),
  /** Synthetic articles (bench/synthetic-archive.ts, 2015–2024) around the 48 of the corpus. */
  syntheticArticles: 3000,
};
