/**
 * The newsroom's identity: the one file a newsroom edits to make the site its own — name, description,
 * publisher, columns (栏目), the footer's 备案号 and contact, the theme colour. Pure data, checked by
 * lib/newsroom.ts when it is loaded (a bad value stops the build naming the field). Nothing else in src/
 * names the district. How and where the site is built (base path, public URL override, build time, the
 * content directory) is src/build-settings.ts, from the environment.
 */
import { parseNewsroom, type Column } from './lib/newsroom.ts';

export type { Column };

export const site = parseNewsroom({
  name: '中原新闻',
  tagline: '郑州市中原区新闻档案',
  description: '郑州市中原区本地新闻档案：时政要闻、经济产业、安全应急、城市建设、民生社会。',
  publisher: '中原新闻',
  url: 'https://news.example.org',
  // A site hosted in mainland China prints its numbers as issued, e.g.:
  // icp: '豫ICP备2024000000号-1',
  // publicSecurity: '豫公网安备41010202000000号',
  themeColor: { light: '#9b1c1c', dark: '#ff8a80' },
  pageSize: 20,
  columns: [
    { slug: 'politics', name: '时政要闻', description: '区委区政府重要会议、调研与部署。' },
    { slug: 'economy', name: '经济产业', description: '项目建设、工业转型与营商环境。' },
    { slug: 'safety', name: '安全应急', description: '安全生产、防汛、消防与应急管理。' },
    { slug: 'city', name: '城市建设', description: '城市更新、交通与基础设施。' },
    { slug: 'society', name: '民生社会', description: '教育、医疗、养老与社区生活。' },
    { slug: 'culture', name: '文化旅游', description: '文化活动、文旅融合与历史人文。' },
  ],
});

export const columns: readonly Column[] = site.columns;

export function columnBySlug(slug: string): Column | undefined {
  return columns.find((column) => column.slug === slug);
}

/** Articles name their column as editors know it (时政要闻); URLs use the slug. */
export function columnByName(name: string): Column | undefined {
  return columns.find((column) => column.name === name);
}
