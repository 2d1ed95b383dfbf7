/**
 * The second newsroom's site: 青苇新闻 (tests/fixtures/sites/qingwei), a fictional newsroom with its own name,
 * columns, 备案 footer and theme colour, built by build-site.ts into .second-site/dist with the same code as
 * every other site. Importing it does nothing else.
 */
import { resolve } from 'node:path';
import { QINGWEI } from '../fixtures/sites.ts';

export const SECOND_SITE = {
  newsroom: QINGWEI,
  dir: resolve('.second-site'),
  outDir: resolve('.second-site/dist'),
};
