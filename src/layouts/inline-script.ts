/**
 * The one script BaseLayout inlines (reading settings: it must run before first paint), with the hash the
 * page's Content Security Policy allows it by. Computed here once, not in every page's render.
 */
import { cspHash } from '../lib/content-security.ts';
import source from '../scripts/reading-settings.js?raw';

export const readingSettingsScript = { source, hash: cspHash(source) } as const;
