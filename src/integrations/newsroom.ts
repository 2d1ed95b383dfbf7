/**
 * The build's settings (src/settings.ts: the newsroom's config, where the articles are, base path, site URL,
 * build time), read once when the build starts (astro.config.ts) with the newsroom's images, and handed to the
 * pages, the articles loader and the layouts as the module `virtual:news/settings` — as Starlight hands its
 * config to its pages. Nothing in src/ reads the environment or the config file on import.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_INPUT_DIR } from '../lib/archive/index-input.ts';
import { newsroomImages, type NewsroomImage } from '../lib/newsroom/images.ts';
import type { BuildSettings } from '../settings.ts';

const MODULE_ID = 'virtual:news/settings';
const RESOLVED_ID = `\0${MODULE_ID}`;
/** Where the integration leaves the build's moment for the module, in this process and any it starts. */
const BUILD_TIME_HANDOFF = 'NEWS_BUILD_TIME';

/**
 * The module's source: the settings as JSON; the images' bytes and the build time made values again; and where
 * the articles loader keeps what it hands on (lib/archive/index-input.ts), under the build's cache directory.
 */
function settingsModule(settings: BuildSettings, images: { logo?: NewsroomImage; icon: NewsroomImage }, archiveSourceDir: string): string {
  const image = (value: NewsroomImage | undefined) =>
    value ? `{ ...${JSON.stringify({ ...value, bytes: undefined })}, bytes: new Uint8Array(Buffer.from(${JSON.stringify(Buffer.from(value.bytes).toString('base64'))}, 'base64')) }` : 'undefined';
  return [
    `export const site = ${JSON.stringify(settings.site)};`,
    `export const contentDir = ${JSON.stringify(settings.contentDir)};`,
    `export const editionsDir = ${JSON.stringify(settings.editionsDir)};`,
    `export const basePath = ${JSON.stringify(settings.basePath)};`,
    `export const siteUrl = ${JSON.stringify(settings.siteUrl)};`,
    // The moment is handed over beside the module's source, not in it: a build as of another moment (BUILD_TIME
    // unset: now) must not change the modules Astro's incremental build hashes to decide which pages to reuse.
    `export const buildTime = new Date(process.env.${BUILD_TIME_HANDOFF});`,
    `export const siteImages = { logo: ${image(images.logo)}, icon: ${image(images.icon)} };`,
    `export const archiveSourceDir = ${JSON.stringify(archiveSourceDir)};`,
  ].join('\n');
}

export default function newsroomIntegration(settings: BuildSettings): AstroIntegration {
  let archiveSourceDir = '';
  return {
    name: 'news-newsroom',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        process.env[BUILD_TIME_HANDOFF] = settings.buildTime.toISOString();
        const images = await newsroomImages(settings.site);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'news-newsroom:settings',
                resolveId: (id: string) => (id === MODULE_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? settingsModule(settings, images, archiveSourceDir) : undefined),
              },
            ],
          },
        });
      },
      // The final config, before any module is loaded.
      'astro:config:done': ({ config }) => {
        archiveSourceDir = join(fileURLToPath(config.cacheDir), INDEX_INPUT_DIR);
      },
    },
  };
}
