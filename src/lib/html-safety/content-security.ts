/**
 * The site's Content Security Policy. Astro (security.csp) writes it into every page as a <meta> element,
 * adding the hashes of the scripts and styles it emits itself; this module holds what Astro cannot know:
 * the other directives, and the hash of the one script we inline by hand (reading settings, which must run
 * before first paint).
 *
 * Nothing inline runs unless its hash is listed, so a <script> or onclick= that slipped into an article
 * would be refused by the browser even if the build-time check (lib/html-safety/unsafe-html.ts) missed it.
 */
import { createHash } from 'node:crypto';

export type CspHash = `sha256-${string}`;

/** The CSP source expression allowing exactly this inline script or style text. */
export function cspHash(source: string): CspHash {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}

/**
 * Script sources for `script-src`. Pagefind's search runs WebAssembly (in a worker, or on the page when
 * workers fail), which needs 'wasm-unsafe-eval': it allows compiling WebAssembly, not JavaScript eval.
 */
export const scriptSources = ["'self'", "'wasm-unsafe-eval'"];

/**
 * Directives besides script-src and style-src (which Astro writes with its hashes). Everything the site
 * loads is its own: no third-party fonts, analytics or embeds. Article photos are files under dist/.
 */
export const otherDirectives = [
  "default-src 'self'",
  // Pagefind's worker script is a same-origin file.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;
