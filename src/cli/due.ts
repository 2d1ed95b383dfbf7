/**
 * `npm run due -- --since <time>`: whether the site built at <time> is out of date by the clock alone — an
 * embargoed article's time has come, or an article has left the Google News sitemap's two days — and when
 * that will next happen. The scheduled workflow runs it with the time of the last deploy and rebuilds only
 * when something is due. It prints only to the workflow's log (never into the site: embargo times are not
 * to be read before their time).
 *
 *   npm run due -- --since 2025-06-20T01:00:00Z [--now 2025-06-20T01:30:00Z]
 *
 * Writes `due=true` or `due=false` to $GITHUB_OUTPUT when it is set. Exit code 1 on a bad article or argument.
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readBuildSettings } from '../settings.ts';
import { describeChange, dueChanges, nextChange } from '../lib/publishing/schedule.ts';
import { NEWS_TIME_ZONE } from '../lib/dates.ts';
import { readArchive } from '../lib/archive/source.ts';
import { formatProblem } from '../lib/article/file.ts';

const beijingTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: NEWS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const formatTime = (date: Date) => `${beijingTime.format(date)}（北京时间）`;

function time(name: string, value: string | undefined): Date {
  const date = new Date(value ?? '');
  if (!value || Number.isNaN(date.getTime())) throw new Error(`--${name} 应为 ISO 8601 时间（如 2025-06-20T01:00:00Z），现在是“${value ?? ''}”`);
  return date;
}

function main(): void {
  const { values } = parseArgs({ options: { since: { type: 'string' }, now: { type: 'string' } } });
  const since = time('since', values.since);
  const now = values.now === undefined ? new Date() : time('now', values.now);
  const { contentDir, site } = readBuildSettings();
  const source = readArchive(contentDir, { columns: site.columns, now });
  if (source.problems.length) throw new Error(`文章有误，无法判断是否需要定时发布：\n${source.problems.map(formatProblem).join('\n')}`);
  const articles = source.articles.map(({ file, data }) => ({ file, date: data.date, draft: data.draft }));
  const due = dueChanges(articles, since, now);
  if (due.length) {
    console.log(`自上次发布（${formatTime(since)}）以来，有 ${due.length} 项到期，需要重新生成网站：`);
    for (const change of due) console.log(`  ${describeChange(change, formatTime)}`);
  } else {
    console.log(`自上次发布（${formatTime(since)}）以来没有到期的内容，不需要重新生成网站。`);
  }
  const next = nextChange(articles, now);
  console.log(next ? `下一项：${describeChange(next, formatTime)}` : '没有待发布的内容。');
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `due=${due.length > 0}\n`);
}

if (import.meta.main) {
  try {
    main();
  } catch (error) {
    console.error(`due: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
