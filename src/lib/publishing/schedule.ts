/**
 * 定时发布: when the built site changes by itself, with no commit. A site built "as of" a moment (BUILD_TIME)
 * leaves out articles dated after it (embargoed) and lists in the Google News sitemap only the articles of
 * the two days before it; so the site goes stale when an embargoed article's time comes, and when an article
 * leaves the sitemap's window. The scheduled workflow asks `dueChanges` whether any such moment has passed
 * since the last deploy, and rebuilds only then.
 */
import { NEWS_SITEMAP_WINDOW_MS } from '../archive/structured-data.ts';

export interface ScheduledArticle {
  /** The article's file, for the message. */
  file: string;
  date: Date;
  draft: boolean;
}

export type SiteChangeReason = 'embargo-ends' | 'leaves-news-sitemap';

export interface SiteChange {
  at: Date;
  reason: SiteChangeReason;
  file: string;
}

/** Every moment at which a build would differ from one made just before it, earliest first. */
export function siteChanges(articles: readonly ScheduledArticle[]): SiteChange[] {
  const changes: SiteChange[] = [];
  for (const { file, date, draft } of articles) {
    // A draft is in no build, whatever its date.
    if (draft) continue;
    changes.push({ at: date, reason: 'embargo-ends', file });
    changes.push({ at: new Date(date.getTime() + NEWS_SITEMAP_WINDOW_MS), reason: 'leaves-news-sitemap', file });
  }
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime() || a.file.localeCompare(b.file));
}

/**
 * The changes a site built at `lastBuild` is missing at `now`: those after `lastBuild` and not after `now`
 * (a build at `now` includes an article dated `now`, as `isPublished` does).
 */
export function dueChanges(articles: readonly ScheduledArticle[], lastBuild: Date, now: Date): SiteChange[] {
  return siteChanges(articles).filter(({ at }) => at.getTime() > lastBuild.getTime() && at.getTime() <= now.getTime());
}

/** The next change after `now`, if any: when the schedule will next have something to do. */
export function nextChange(articles: readonly ScheduledArticle[], now: Date): SiteChange | undefined {
  return siteChanges(articles).find(({ at }) => at.getTime() > now.getTime());
}

const REASONS: Record<SiteChangeReason, string> = {
  'embargo-ends': '定时发布时间已到',
  'leaves-news-sitemap': '移出新闻站点地图（超过两天）',
};

/** One line per change, for the workflow's log: 2025-06-20 09:30 定时发布时间已到：2025/06/20-xxx.md */
export function describeChange({ at, reason, file }: SiteChange, format: (date: Date) => string): string {
  return `${format(at)} ${REASONS[reason]}：${file}`;
}
