/**
 * The Chromium the tests drive. Playwright cannot download its own browsers everywhere; CHROMIUM_PATH (default:
 * Debian's /usr/bin/chromium when present) points it at an installed one. Used by playwright.config.ts and by
 * the build tests that open a site they built.
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { startPreview } from '../src/preview/preview-server.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Opens the site built with `env`, served by astro preview, in a Chromium page; both are closed after `use`. */
export async function browseBuiltSite<T>(env: NodeJS.ProcessEnv, use: (page: Page, origin: string) => Promise<T>): Promise<T> {
  const server = await startPreview(env);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  try {
    return await use(await browser.newPage(), server.origin);
  } finally {
    await browser.close();
    await server.stop();
  }
}
