/**
 * The site the browse and search suite runs against: the test newsroom 中原新闻 and its three seed articles
 * (tests/fixtures/sites/zhongyuan), built by build-site.ts into .e2e/dist, never from content/ (the newsroom's
 * own) and never into dist/ (where the newsroom's own build goes). Importing it does nothing else.
 */
import { resolve } from 'node:path';
import { ZHONGYUAN } from '../fixtures/sites.ts';

export const E2E_SITE = {
  newsroom: ZHONGYUAN,
  dir: resolve('.e2e'),
  outDir: resolve('.e2e/dist'),
};
