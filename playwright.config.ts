import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './tests/chromium.ts';
import { previewEnv, servedOrigin, servedPort, TEST_SITES } from './tests/sites.ts';

/**
 * End-to-end tests against the built test sites (tests/sites.ts: built by `npm run test:e2e`, never content/ or
 * dist/), each served over HTTP by astro preview on a port of its own, in the installed Chromium (tests/chromium.ts).
 * A site's projects and its server are made from its entry in the registry.
 */
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
    baseURL: `${servedOrigin(TEST_SITES[0]!)}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // A failed test keeps its trace (actions, DOM snapshots, network, console) but no screencast: recording one
    // for every test cost 5% of the suite's CPU (the site project, idle machine: 173 → 164 CPU-seconds).
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
  // The browse and search suite (tests/e2e) runs twice: against the site at the root of its host (`site`) and
  // under a sub-path (`site-subpath`, starting at the base path; its paths go through tests/e2e/site.ts).
  // Projects of long tests first: the workers take tests in the projects' order.
  projects: [
    ...TEST_SITES.flatMap((site) => site.projects.map((project) => ({ site, project })))
      .sort((a, b) => Number(!!b.project.long) - Number(!!a.project.long))
      .map(({ site, project }) => ({
        name: project.name,
        testDir: project.testDir,
        ...(project.testIgnore && { testIgnore: project.testIgnore }),
        use: { ...browser, baseURL: `${servedOrigin(site)}${project.atBasePath ? site.basePath : ''}` },
        ...(project.siteUrl && { metadata: { siteUrl: project.siteUrl } }),
      })),
    // The web editor: no built site; the spec starts `npm run editor` on a repository of its own.
    { name: 'editor', testDir: 'tests/editor', use: browser },
  ],
  webServer: TEST_SITES.map((site) => ({
    command: `node node_modules/astro/bin/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${servedPort(site)}`,
    env: previewEnv(site),
    url: `${servedOrigin(site)}${site.basePath}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  })),
});
