import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The token that a draft and an embargoed article carry, and that must appear nowhere in the built site. */
// Latin letters only: Pagefind indexes it as one word, so a raw index search for it is a real test (a Chinese
// token would be segmented, and its pieces match other articles).
export const UNPUBLISHED_TOKEN = 'zqxembargo7';

/** One draft and one article dated far in the future, for tests/corpus/embargo.spec.ts. */
export function writeUnpublished(dir: string): void {
  const article = (title: string, date: string, extra: string) =>
    `---\ntitle: ${title}\ndate: ${date}\ncolumn: 时政要闻\ntags: [${UNPUBLISHED_TOKEN}]\n${extra}---\n本报讯 ${UNPUBLISHED_TOKEN}稿件正文。\n`;
  mkdirSync(resolve(dir, '2024/06'), { recursive: true });
  mkdirSync(resolve(dir, '2099/01'), { recursive: true });
  writeFileSync(resolve(dir, '2024/06/unpublished-draft.md'), article(`草稿${UNPUBLISHED_TOKEN}`, '2024-06-01', 'draft: true\n'));
  writeFileSync(resolve(dir, '2099/01/embargoed.md'), article(`定时${UNPUBLISHED_TOKEN}`, '2099-01-01', ''));
}
