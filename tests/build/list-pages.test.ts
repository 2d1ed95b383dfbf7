/**
 * Lists that do not move (lib/archive/list-pages.ts), in the real build: an archive whose column, tag and person
 * each have several pages (the second newsroom, 10 articles a page), built; one new article joining all three
 * lists; built again with the cache, as a publish is. Every list the article joins has at most two pages
 * rewritten or added, every list page that answered before still answers, and the links between a list's pages
 * lead to pages that exist. Compared with a cold build of the same archive, byte for byte.
 */
import { expect, it } from 'vitest';
import { QINGWEI } from '../fixtures/sites.ts';
import { temporaryArchive } from '../helpers/archive.ts';
import { readTree } from '../helpers/file-tree.ts';
import { scratchDir } from '../helpers/scratch.ts';

const work = scratchDir('list-pages');
/** Every build as of one moment, so that the publish and the cold build can be compared byte for byte. */
const AS_OF = { BUILD_TIME: '2025-01-01T00:00:00Z' };

const article = (day: number, title: string) => `---
title: ${title}
date: 2024-${String(1 + Math.floor(day / 28)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}
column: 生态环保
tags: [河湖巡查]
byline:
  - { role: 记者, name: 方小禾 }
---
本报讯 青苇河第${day}次巡河记录：水位正常，河面无漂浮物，沿岸绿化带完好。
`;

/** The list pages of the output (columns, tags, people), by their list. */
function listPagesOf(files: Record<string, string>): Map<string, Map<string, string>> {
  const lists = new Map<string, Map<string, string>>();
  for (const [path, html] of Object.entries(files)) {
    const match = /^(columns|tags|people)\/([^/]+)\/(?:(\d+)\/)?index\.html$/.exec(path);
    if (!match) continue;
    const list = `${match[1]}/${match[2]}`;
    lists.set(list, (lists.get(list) ?? new Map()).set(match[3] ?? 'latest', html));
  }
  return lists;
}

it('a new article rewrites at most two pages of each list it joins, and every list page keeps answering', async () => {
  const archive = temporaryArchive(work, { newsroom: QINGWEI, from: [] });
  for (let day = 0; day < 47; day++) archive.write(`2024/${String(1 + Math.floor(day / 28)).padStart(2, '0')}/patrol-${day}.md`, article(day, `青苇河第${day}次巡河：水清岸绿`));
  const first = await archive.build('site', AS_OF);
  expect(first.ok, first.output.slice(-3000)).toBe(true);
  const before = listPagesOf(readTree(first.outDir, 'utf8'));
  const river = 'tags/河湖巡查';
  expect([...before.keys()]).toEqual(expect.arrayContaining(['columns/ecology', river]));
  // 47 articles, 10 a page: the newest 10 at the list's address, 4 full pages numbered from the oldest.
  expect([...before.get('columns/ecology')!.keys()].sort()).toEqual(['1', '2', '3', '4', 'latest']);

  archive.write('2024/03/patrol-new.md', article(60, '青苇河春季巡河：发现一处排污口已整改'));
  const publish = await archive.build('site', AS_OF);
  expect(publish.ok, publish.output.slice(-3000)).toBe(true);
  const files = readTree(publish.outDir, 'utf8');
  const after = listPagesOf(files);
  for (const list of ['columns/ecology', river, ...[...after.keys()].filter((key) => key.startsWith('people/'))]) {
    const old = before.get(list)!;
    const changed = [...after.get(list)!].filter(([page, html]) => old.get(page) !== html).map(([page]) => page);
    expect(changed.length, `${list}: ${changed.join(', ')}`).toBeLessThanOrEqual(2);
    expect(changed).toContain('latest');
    for (const page of old.keys()) expect(after.get(list)!.has(page), `${list} ${page} still answers`).toBe(true);
  }
  // The links between a list's pages lead to its pages.
  for (const [list, pages] of after) {
    for (const html of pages.values()) {
      const nav = /<nav class="pagination"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      for (const [, href] of nav.matchAll(/href="\/([^"]+)"/g)) expect(files[`${decodeURIComponent(href!)}index.html`], `${list}: ${href}`).toBeDefined();
    }
  }
  // And the publish build is what a cold build of the same archive writes.
  const cold = await archive.build('cold', AS_OF);
  expect(cold.ok).toBe(true);
  expect(readTree(publish.outDir, 'base64')).toEqual(readTree(cold.outDir, 'base64'));
}, 240_000);
