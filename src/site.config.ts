/**
 * Site identity: the one place to change the name, address and columns (栏目).
 * Pure data, imported by lib, pages, integrations and tests alike.
 */

export interface Column {
  /** URL segment, ASCII so links survive copy-paste into any chat app. */
  slug: string;
  /** Reader-facing name of the column (栏目). */
  name: string;
  description: string;
}

const basePath = normalizeBasePath(process.env.BASE_PATH ?? '/');

export const site = {
  name: '中原新闻',
  description: '郑州市中原区本地新闻档案：时政要闻、经济产业、安全应急、城市建设、民生社会。',
  /** Absolute origin used for canonical URLs and feeds; override with SITE_URL. */
  url: process.env.SITE_URL ?? 'https://news.example.org',
  basePath,
  lang: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  /** Name used in 本报讯 datelines and as the publisher. */
  publisher: '中原新闻',
  pageSize: 20,
} as const;

export const columns = [
  { slug: 'politics', name: '时政要闻', description: '区委区政府重要会议、调研与部署。' },
  { slug: 'economy', name: '经济产业', description: '项目建设、工业转型与营商环境。' },
  { slug: 'safety', name: '安全应急', description: '安全生产、防汛、消防与应急管理。' },
  { slug: 'city', name: '城市建设', description: '城市更新、交通与基础设施。' },
  { slug: 'society', name: '民生社会', description: '教育、医疗、养老与社区生活。' },
  { slug: 'culture', name: '文化旅游', description: '文化活动、文旅融合与历史人文。' },
] as const satisfies readonly Column[];

export type ColumnSlug = (typeof columns)[number]['slug'];

export const columnSlugs = columns.map((column) => column.slug) as [ColumnSlug, ...ColumnSlug[]];

export function columnBySlug(slug: string): Column | undefined {
  return columns.find((column) => column.slug === slug);
}

/**
 * The moment the site is built "as of": articles dated later are embargoed, and the Google News sitemap
 * covers the two days before it. BUILD_TIME (ISO 8601) fixes it, for reproducible builds and tests.
 */
export const buildTime = parseBuildTime(process.env.BUILD_TIME);

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

/** Articles name their column as editors know it (时政要闻); URLs use the slug. */
export function columnByName(name: string): Column | undefined {
  return columns.find((column) => column.name === name);
}
