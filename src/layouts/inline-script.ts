/**
 * What BaseLayout inlines, with the hashes the page's Content Security Policy allows them by: the one script
 * (reading settings: it must run before first paint) and the newsroom's theme colour. Computed here once,
 * not in every page's render.
 */
import { minifySync } from 'vite';
import { cspHash } from '../lib/html-safety/content-security.ts';
import { site } from 'virtual:news/settings';
import written from '../scripts/reading-settings.js?raw';

/** Minified, as every other script of the site is: it is in every page (about 1.2 KB instead of 2.3 KB). */
function minified(code: string): string {
  const result = minifySync('reading-settings.js', code, {});
  if (result.errors.length) throw new Error(`reading-settings.js: ${result.errors.map((error) => error.message).join('; ')}`);
  return result.code;
}

const source = minified(written);
export const readingSettingsScript = { source, hash: cspHash(source) } as const;

// Over the default in global.css, which Astro places after this (hence the doubled :root).
const themeCss = `:root:root{--color-accent:light-dark(${site.themeColor.light},${site.themeColor.dark})}`;
export const themeStyle = { source: themeCss, hash: cspHash(themeCss) } as const;
