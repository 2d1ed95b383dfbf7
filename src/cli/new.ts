/**
 * `npm run new -- "标题" [--out DIR]`: starts a new article dated today (China time) as a draft,
 * with valid frontmatter, and prints its path. Never overwrites an existing file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildSettings, runCommand } from '../settings.ts';
import { formatArticleFile, parseArticleFile, formatProblem } from '../lib/article/file.ts';
import { isoDay } from '../lib/dates.ts';
import { displayPath } from '../lib/display-path.ts';
import { slugFor } from '../lib/article/slug.ts';

function main(): void {
  const { contentDir, site } = readBuildSettings();
  const USAGE = `用法：npm run new -- "标题" [--out 稿件目录，默认 ${displayPath(contentDir)}]`;
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: displayPath(contentDir) } },
  });
  const title = positionals.join(' ').trim();
  if (!title) {
    console.error(USAGE);
    process.exit(2);
  }
  const today = isoDay(new Date());
  const [year, month] = today.split('-');
  const path = join(values.out, year!, month!, `${slugFor(title)}.md`);
  const content = formatArticleFile({ title, date: today, byline: [], tags: [], draft: true }, ['本报讯 ']);
  const checked = parseArticleFile(content, path, { columns: site.columns });
  if (!checked.ok) {
    console.error(checked.problems.map(formatProblem).join('\n'));
    process.exit(1);
  }
  if (existsSync(path)) {
    console.error(`${path} 已存在；请换个标题，或直接编辑这篇稿件`);
    process.exit(1);
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content, { flag: 'wx' });
  console.log(displayPath(path));
  console.error('已建草稿：写好正文，选择栏目（column），填写署名（byline）后删除 draft: true。');
}

if (import.meta.main) await runCommand(main);
