import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './tests/chromium.ts';
import { E2E_SITE } from './tests/e2e/built-site.ts';
import { LARGE_SITE } from './tests/large/site.ts';
import { SECOND_SITE } from './tests/second-site/site.ts';
import { SUBPATH_SITE } from './tests/subpath/site.ts';

/**
 * End-to-end tests against the built test sites (built by `npm run test:e2e`, never content/ or dist/) served
 * over HTTP, in the installed Chromium (tests/chromium.ts).
 */
const port = Number(process.env.E2E_PORT ?? 4391);
/** The corpus site (archive + fixture corpus: search quality, photos), built by `npm run build:corpus`. */
const evalPort = port + 1;
/** The archive built under the base path /news/, by `npm run build:subpath`. */
const subpathPort = port + 2;
/** The corpus inside 3,000 synthetic articles, built by `npm run build:large`. */
const largePort = port + 3;
/** The second newsroom's site, built by `npm run build:second-site`. */
const secondSitePort = port + 4;
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  },
};

export default defineConfig({
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Room for a busy machine (a second build beside the suite doubles page times); no test measures time.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
  },
  projects: [
    // The browse and search suite, against the site at the root of its host and under a sub-path.
    { name: 'site', testDir: 'tests/e2e', use: browser, metadata: { siteUrl: E2E_SITE.newsroom.newsroom.url } },
    {
      name: 'site-subpath',
      testDir: 'tests/e2e',
      use: { ...browser, baseURL: `http://127.0.0.1:${subpathPort}${SUBPATH_SITE.basePath}` },
      metadata: { siteUrl: SUBPATH_SITE.url },
    },
    { name: 'corpus', testDir: 'tests/corpus', use: { ...browser, baseURL: `http://127.0.0.1:${evalPort}` } },
    { name: 'subpath', testDir: 'tests/subpath', use: { ...browser, baseURL: `http://127.0.0.1:${subpathPort}` } },
    { name: 'large', testDir: 'tests/large', use: { ...browser, baseURL: `http://127.0.0.1:${largePort}` } },
    { name: 'second-site', testDir: 'tests/second-site', use: { ...browser, baseURL: `http://127.0.0.1:${secondSitePort}` } },
  ],
  webServer: [
    {
      command: `node node_modules/astro/bin/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${port}`,
      env: { OUT_DIR: E2E_SITE.outDir },
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node node_modules/astro/bin/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${evalPort}`,
      env: { OUT_DIR: '.eval/dist' },
      url: `http://127.0.0.1:${evalPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node node_modules/astro/bin/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${subpathPort}`,
      env: { OUT_DIR: SUBPATH_SITE.outDir, BASE_PATH: SUBPATH_SITE.basePath, SITE_URL: SUBPATH_SITE.url },
      url: `http://127.0.0.1:${subpathPort}${SUBPATH_SITE.basePath}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node node_modules/astro/bin/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${largePort}`,
      env: { OUT_DIR: LARGE_SITE.outDir },
      url: `http://127.0.0.1:${largePort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node node_modules/astro/bin/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${secondSitePort}`,
      env: { OUT_DIR: SECOND_SITE.outDir },
      url: `http://127.0.0.1:${secondSitePort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
