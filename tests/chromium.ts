/**
 * The Chromium the tests drive, by the first that is there: CHROMIUM_PATH when set; Debian's /usr/bin/chromium
 * (`apt-get install chromium`, what .ci/run installs); Playwright's own, when a developer downloaded it
 * (`npx playwright install chromium`). Used by playwright.config.ts, by the build tests that open a site they
 * built, and by the preflight (tests/preflight.ts), which stops `npm test` at once when there is none.
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { startPreview } from '../src/preview/preview-server.ts';

/** Where Debian and Ubuntu install Chromium. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumCandidates {
  /** CHROMIUM_PATH, when set: used whether or not it exists (the preflight says when it does not). */
  configured?: string;
  /** Debian's Chromium, when installed. */
  debian?: string;
  /** Playwright's own download, when it is on disk. */
  playwright?: string;
}

/** The browser to launch: the first candidate there is, or undefined when there is none. */
export function chooseChromium({ configured, debian, playwright }: ChromiumCandidates): string | undefined {
  return configured || debian || playwright;
}

/** What this machine has, for chooseChromium. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): ChromiumCandidates {
  let playwright: string | undefined;
  try {
    playwright = chromium.executablePath();
  } catch {
    // No build of Playwright's Chromium for this platform.
  }
  return {
    configured: env.CHROMIUM_PATH || undefined,
    debian: exists(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
    playwright: playwright && exists(playwright) ? playwright : undefined,
  };
}

export const chromiumPath = chooseChromium(chromiumCandidates());

/** Opens the site built with `env`, served by astro preview, in a Chromium page; both are closed after `use`. */
export async function browseBuiltSite<T>(env: NodeJS.ProcessEnv, use: (page: Page, origin: string) => Promise<T>): Promise<T> {
  const server = await startPreview(env);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  try {
    // A context of its own (axe-core needs one to analyse a page).
    return await use(await (await browser.newContext()).newPage(), server.origin);
  } finally {
    await browser.close();
    await server.stop();
  }
}
