/**
 * The sub-path site the tests build and serve: https://www.example.gov.cn/news/. Shared by the build script,
 * the Playwright config and the specs; importing it does nothing else.
 */
export const SUBPATH_SITE = {
  url: 'https://www.example.gov.cn',
  basePath: '/news/',
  /** The host's document root; the site is built into <root>/news. */
  root: '.subpath/site',
  outDir: '.subpath/site/news',
} as const;
