import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './tests/chromium.ts';
import { SERVED_LINE } from './tests/serve-sites.ts';
import { servedOrigin, TEST_SITES } from './tests/sites.ts';

/**
 * End-to-end tests against the built test sites (tests/sites.ts: built by `npm run test:e2e`, never content/ or
 * dist/), each served over HTTP by astro preview on a port of its own, in the installed Chromium (tests/chromium.ts).
 * A site's projects and its server (tests/serve-sites.ts) are made from its entry in the registry.
 */
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  },
};

/** The projects of the registry's sites, those of long tests or the others. */
const siteProjects = ({ long }: { long: boolean }) =>
  TEST_SITES.flatMap((site) => site.projects.map((project) => ({ site, project })))
    .filter(({ project }) => !!project.long === long)
    .map(({ site, project }) => ({
      name: project.name,
      testDir: project.testDir,
      ...(project.testIgnore && { testIgnore: project.testIgnore }),
      ...(project.grepInvert && { grepInvert: project.grepInvert }),
      use: { ...browser, baseURL: `${servedOrigin(site)}${project.atBasePath ? site.basePath : ''}` },
      ...(project.siteUrl && { metadata: { siteUrl: project.siteUrl } }),
    }));

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
  // Long work first, as the workers take tests in the projects' order: the long tests, then the web editor (no
  // built site; its spec starts `npm run editor` on a repository of its own, and its tests run in a row, 17 s
  // on one worker: last, they kept the other worker idle), then the rest.
  projects: [
    ...siteProjects({ long: true }),
    { name: 'editor', testDir: 'tests/editor', use: browser },
    ...siteProjects({ long: false }),
  ],
  // Every site's preview server, started at once by one command (Playwright starts a list of servers one after
  // another); it fails naming the port when one is taken.
  webServer: {
    command: 'node tests/serve-sites.ts',
    wait: { stdout: new RegExp(SERVED_LINE) },
    timeout: 60_000,
  },
});
