/**
 * How and where this build runs, from the environment, read once here: the newsroom's config
 * (site.config.ts) says who the site is, this says where it is built and served.
 *
 * - BASE_PATH: the sub-path the site is served under (/news/), default the host's root.
 * - SITE_URL: the public origin, instead of the config's url (a staging host, the sub-path test site).
 * - BUILD_TIME (ISO 8601): the moment the site is built "as of": articles dated later are embargoed, and the
 *   Google News sitemap covers the two days before it. Fixed for reproducible builds and tests.
 * - CONTENT_DIR: where the articles are (tests and benchmarks build other archives), default content/articles.
 */
import { resolve } from 'node:path';
import { site } from './site.config.ts';

export const basePath = normalizeBasePath(process.env.BASE_PATH ?? '/');
export const siteUrl = process.env.SITE_URL ?? site.url;
export const buildTime = parseBuildTime(process.env.BUILD_TIME);
export const contentDir = resolve(process.env.CONTENT_DIR ?? 'content/articles');

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
