/**
 * The one script BaseLayout inlines (reading settings: it must run before first paint), with the hash the
 * page's Content Security Policy allows it by. Computed here once, not in every page's render.
 */
import { minifySync } from 'vite';
import { cspHash } from '../lib/content-security.ts';
import written from '../scripts/reading-settings.js?raw';

/** Minified, as every other script of the site is: it is in every page (about 1.2 KB instead of 2.3 KB). */
function minified(code: string): string {
  const result = minifySync('reading-settings.js', code, {});
  if (result.errors.length) throw new Error(`reading-settings.js: ${result.errors.map((error) => error.message).join('; ')}`);
  return result.code;
}

const source = minified(written);
export const readingSettingsScript = { source, hash: cspHash(source) } as const;
