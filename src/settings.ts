/**
 * What a build is: which newsroom (its config, content/site.yaml, and its images), from which articles, where it
 * is served and as of when — read from the environment and the config file by readBuildSettings, once, where a
 * build or a command starts (astro.config.ts; each editor command's main). Nothing is read when this module is
 * imported; pages get the value from the build (virtual:news/settings, src/integrations/newsroom.ts).
 *
 * - CONTENT_DIR: where the articles are (tests and benchmarks build other archives), default content/articles.
 * - SITE_CONFIG: the newsroom's config, default site.yaml beside the content directory (content/site.yaml), so
 *   another archive comes with its own newsroom: a second site is a second directory, not a change of code.
 * - EDITIONS_DIR: where the printed pages are (each 版's PDF and page file), default editions/ beside the articles
 *   (content/editions); ten years of page PDFs may be kept outside the repository instead.
 * - BASE_PATH: the sub-path the site is served under (/news/), default the host's root.
 * - SITE_URL: the public origin, instead of the config's url (a staging host, the sub-path test site).
 * - BUILD_TIME (ISO 8601): the moment the site is built "as of": articles dated later are embargoed, and the
 *   Google News sitemap covers the two days before it. Fixed for reproducible builds and tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from './lib/display-path.ts';
import { editionsDirOf } from './lib/archive/source.ts';
import { newsroomFiles, readNewsroom, type Newsroom } from './lib/newsroom/newsroom.ts';

export interface BuildSettings {
  contentDir: string;
  /** The printed pages of the e-paper (lib/archive/source.ts readEditionPages). */
  editionsDir: string;
  siteConfigFile: string;
  site: Newsroom;
  basePath: string;
  siteUrl: string;
  buildTime: Date;
}

/** The settings of a build or a command in this environment; throws with a Chinese message naming the file or variable. */
export function readBuildSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): BuildSettings {
  const { contentDir, siteConfigFile } = newsroomFiles(env, cwd);
  const site = readSiteConfig(siteConfigFile);
  const editionsDir = env.EDITIONS_DIR ? resolve(cwd, env.EDITIONS_DIR) : editionsDirOf(contentDir);
  return { contentDir, editionsDir, siteConfigFile, site, basePath: normalizeBasePath(env.BASE_PATH ?? '/'), siteUrl: env.SITE_URL ?? site.url, buildTime: parseBuildTime(env.BUILD_TIME) };
}

function readSiteConfig(file: string): Newsroom {
  if (!existsSync(file)) {
    throw new Error(`找不到站点配置 ${displayPath(file)}：每个网站在文章目录旁有一个 site.yaml（可从 content/site.yaml 复制后修改），或用 SITE_CONFIG 指定`);
  }
  return readNewsroom(readFileSync(file, 'utf8'), displayPath(file));
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

/**
 * Runs an editor command's main: a problem with the settings or the articles is a message and exit code 1,
 * without a stack trace under it that would only hide it.
 */
export async function runCommand(main: () => void | Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
