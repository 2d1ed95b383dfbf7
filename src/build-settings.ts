/**
 * What this build is, read once here: which newsroom (its config, content/site.yaml, and its images), from which articles,
 * where it is served and as of when. Everything else receives these values; nothing else reads the environment
 * or the config file.
 *
 * - CONTENT_DIR: where the articles are (tests and benchmarks build other archives), default content/articles.
 * - SITE_CONFIG: the newsroom's config, default site.yaml beside the content directory (content/site.yaml), so
 *   another archive comes with its own newsroom: a second site is a second directory, not a change of code.
 * - BASE_PATH: the sub-path the site is served under (/news/), default the host's root.
 * - SITE_URL: the public origin, instead of the config's url (a staging host, the sub-path test site).
 * - BUILD_TIME (ISO 8601): the moment the site is built "as of": articles dated later are embargoed, and the
 *   Google News sitemap covers the two days before it. Fixed for reproducible builds and tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { displayPath } from './lib/display-path.ts';
import { newsroomFiles, readNewsroom, type Newsroom } from './lib/newsroom/newsroom.ts';
import { newsroomImages } from './lib/newsroom/images.ts';

export const { contentDir, siteConfigFile } = newsroomFiles(process.env);
export const site: Newsroom = readSiteConfig(siteConfigFile);
/** The masthead and tab icon, with the sizes the pages give them. */
export const siteImages = await newsroomImages(site);
export const basePath = normalizeBasePath(process.env.BASE_PATH ?? '/');
export const siteUrl = process.env.SITE_URL ?? site.url;
export const buildTime = parseBuildTime(process.env.BUILD_TIME);

function readSiteConfig(file: string): Newsroom {
  try {
    if (!existsSync(file)) {
      throw new Error(`找不到站点配置 ${displayPath(file)}：每个网站在文章目录旁有一个 site.yaml（可从 content/site.yaml 复制后修改），或用 SITE_CONFIG 指定`);
    }
    return readNewsroom(readFileSync(file, 'utf8'), displayPath(file));
  } catch (error) {
    // Run by an editor's command (npm run check, import, new: plain Node, no Vite env), the message is all
    // there is to say; a stack trace under it only hides it. Astro's build prints it in its own frame.
    if (import.meta.env === undefined) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    }
    throw error;
  }
}

function parseBuildTime(value: string | undefined): Date {
  if (!value) return new Date();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`BUILD_TIME “${value}” is not an ISO 8601 date and time`);
  return date;
}

function normalizeBasePath(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
