/**
 * `npm run upload` against a real rclone, with its local backend standing in for the bucket (the passes and
 * their order are what differ between hosts, not rclone's OSS/COS/S3 clients, which rclone tests itself).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, writeTree } from '../helpers/file-tree.ts';
import { scratchDir } from '../helpers/scratch.ts';

const work = scratchDir('upload');

/** A built site of exactly these files (path → text). */
const site = writeTree;
/** What the bucket (or a site) holds: path → text. */
const tree = (dir: string) => readTree(dir);

function upload(siteDir: string, bucket: string, ...extra: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/upload.ts', `:local:${bucket}`, '--dir', siteDir, ...extra], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The files rclone says it copied or deleted, in order. */
function transfers(output: string): { file: string; action: 'copied' | 'deleted' }[] {
  return [...output.matchAll(/INFO\s+:\s+(.+?): (Copied|Deleted)/g)].map((match) => ({ file: match[1]!, action: match[2] === 'Deleted' ? 'deleted' : 'copied' }));
}

const FIRST = {
  'index.html': '<link href="/_astro/site.a1.css"><a href="/articles/a/">a</a><a href="/articles/c/">c</a>',
  'articles/a/index.html': '<img src="/_astro/a.x1.jpg">a',
  'articles/c/index.html': 'c',
  '_astro/site.a1.css': 'body{}',
  '_astro/a.x1.jpg': 'jpeg a',
  'pagefind/pagefind-entry.json': '{"index":"en_1"}',
  'pagefind/index/en_1.pf_index': 'index 1',
  'rss.xml': '<rss>a c</rss>',
};

describe('npm run upload', { timeout: 60_000 }, () => {
  it('uploads only what changed, assets before the pages that use them, deletions last', () => {
    const bucket = join(work, 'bucket');
    const first = upload(site(join(work, 'first'), FIRST), bucket);
    expect(first.status, first.output).toBe(0);
    expect(tree(bucket)).toEqual(FIRST);

    // The next build: article a's photo replaced (a new asset name), a new article b, article c withdrawn,
    // a new index; index.html changes, the stylesheet does not.
    const second = {
      'index.html': '<link href="/_astro/site.a1.css"><a href="/articles/a/">a</a><a href="/articles/b/">b</a>',
      'articles/a/index.html': '<img src="/_astro/a.x2.jpg">a',
      'articles/b/index.html': 'b',
      '_astro/site.a1.css': 'body{}',
      '_astro/a.x2.jpg': 'jpeg a, new',
      'pagefind/pagefind-entry.json': '{"index":"en_2"}',
      'pagefind/index/en_2.pf_index': 'index 2',
      'rss.xml': '<rss>a b</rss>',
    };
    const result = upload(site(join(work, 'second'), second), bucket);
    expect(result.status, result.output).toBe(0);
    expect(tree(bucket)).toEqual(second);

    const done = transfers(result.output);
    const copied = done.filter((t) => t.action === 'copied').map((t) => t.file);
    expect(copied.sort()).toEqual(['_astro/a.x2.jpg', 'articles/a/index.html', 'articles/b/index.html', 'index.html', 'pagefind/index/en_2.pf_index', 'pagefind/pagefind-entry.json', 'rss.xml']);
    const at = (file: string) => done.findIndex((t) => t.file === file);
    for (const asset of ['_astro/a.x2.jpg', 'pagefind/index/en_2.pf_index']) {
      for (const page of ['articles/a/index.html', 'index.html', 'pagefind/pagefind-entry.json']) expect(at(asset), `${asset} before ${page}`).toBeLessThan(at(page));
    }
    const deleted = done.filter((t) => t.action === 'deleted').map((t) => t.file);
    expect(deleted.sort()).toEqual(['_astro/a.x1.jpg', 'articles/c/index.html', 'pagefind/index/en_1.pf_index']);
    const lastCopy = Math.max(...copied.map(at));
    for (const file of deleted) expect(at(file)).toBeGreaterThan(lastCopy);
    // What the publish sent, for the workflow's log.
    expect(result.output).toContain('上传完成：上传了 7 个文件，删除了 3 个（网站共 8 个文件，其余与桶中相同）');
    expect(upload(join(work, 'second'), bucket).output).toContain('上传完成：上传了 0 个文件，删除了 0 个');
  });

  it('changes nothing with --dry-run, and refuses a directory without a built site', () => {
    const bucket = join(work, 'dry-bucket');
    const dry = upload(site(join(work, 'dry'), FIRST), bucket, '--dry-run');
    expect(dry.status, dry.output).toBe(0);
    expect(dry.output).toContain('预演结束，没有上传或删除任何文件：将上传 8 个文件，删除 0 个（网站共 8 个文件，其余与桶中相同）');
    expect(() => readdirSync(bucket)).toThrow();
    const empty = upload(site(join(work, 'empty'), { 'x.txt': 'x' }), bucket);
    expect(empty.status).toBe(1);
    expect(empty.output).toContain('没有构建好的网站');
  });
});
