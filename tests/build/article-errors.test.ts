/**
 * A bad article must stop the real build (`buildSite`, as `npm run build` runs it): non-zero exit, a message
 * naming the file (and line and field where there is one), and no site written — also when the build fails
 * after the pages were rendered. One representative per class; the rules themselves are tested in-process
 * in tests/unit. Each case builds a temporary copy of the test newsroom's articles with one file broken.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QINGWEI } from '../fixtures/sites.ts';
import { temporaryArchive } from '../helpers/archive.ts';
import { writeFile } from '../helpers/file-tree.ts';
import { scratchDir } from '../helpers/scratch.ts';

const workDir = scratchDir('build-errors');
const target = '2024/05/safety-inspection.md';
const BUILD_TIMEOUT = 180_000;

interface Case {
  /** Changes the copy of the articles (the target article's path is given). */
  prepare: (articlesDir: string, file: string) => void;
  env?: NodeJS.ProcessEnv;
  /** A site already there from an earlier build, which a failed build must leave as it was. */
  previousSite?: boolean;
}

async function buildCase(name: string, { prepare, env = {}, previousSite = false }: Case) {
  const archive = temporaryArchive(join(workDir, name));
  prepare(archive.dir, archive.path(target));
  if (previousSite) writeFile(join(archive.target().outDir, 'index.html'), '<!doctype html><title>上一次的网站</title>');
  const result = await archive.build(undefined, env);
  return { ...result, html: result.html(), partialLeft: existsSync(result.partial) };
}

const edit = (change: (source: string) => string) => (_dir: string, file: string) => {
  const source = readFileSync(file, 'utf8');
  const changed = change(source);
  expect(changed).not.toBe(source);
  writeFileSync(file, changed);
};

// Two cases at a time (vitest.config.ts maxConcurrency): each builds its own copy in a child process.
describe.concurrent('a build with a bad article', () => {
  it.each<[string, Case, RegExp]>([
    ['a missing title (schema)', { prepare: edit((s) => s.replace(/^title: .*\n/m, '')) }, /safety-inspection\.md:\d+:\d+ 字段 title：缺少主题/],
    ['an unknown field (schema)', { prepare: edit((s) => s.replace(/^tags: /m, 'autor: 唐善普\ntags: ')) }, /safety-inspection\.md:\d+:\d+ 字段 autor：未知字段/],
    ['a script in the body (active HTML)', { prepare: edit((s) => `${s}\n<script>alert(1)</script>\n`) }, /safety-inspection\.md:\d+:\d+ 正文含有 <script>/],
    ['a meta refresh in the body (HTML that changes the page)', { prepare: edit((s) => `${s}\n<meta http-equiv="refresh" content="0; url=https://example.com/">\n`) }, /safety-inspection\.md:\d+:\d+ .*meta/],
    ['a tag “..” (a value that becomes a path)', { prepare: edit((s) => s.replace(/^tags: \[/m, 'tags: [.., ')) }, /safety-inspection\.md:\d+:\d+ 字段 tags\.0：标签“\.\.”/],
    ['two files at one URL', { prepare: (dir, file) => cpSync(file, join(dir, '2024/05/Safety-Inspection.md')) }, /Safety-Inspection\.md:1:1 与 .*safety-inspection\.md 的网址相同/],
    ['a GBK file (not UTF-8)', { prepare: (_dir, file) => writeFileSync(file, gbk(readFileSync(file, 'utf8'))) }, /safety-inspection\.md:\d+:\d+ 文件不是 UTF-8 编码/],
    ['a photo that does not exist (the image check)', { prepare: edit((s) => s.replace(/^tags: /m, 'photos:\n  - src: ./photos/现场.jpg\n    alt: 检查现场\ntags: ')) }, /safety-inspection\.md:\d+:\d+ 字段 photos\.0\.src：找不到图片文件/],
    ['a Markdown image that does not exist (the image pipeline)', { prepare: edit((s) => `${s}\n![检查现场](./photos/现场.jpg)\n`) }, /safety-inspection\.md:\d+:\d+ Markdown 图片：找不到图片文件/],
    ['a YAML alias (the yaml library)', { prepare: edit((s) => s.replace(/^tags: (.*)$/m, 'tags: &t $1\nsummary: *t')) }, /safety-inspection\.md:\d+:\d+ frontmatter 不能使用 YAML 别名/],
    ['a body of only a heading (empty article)', { prepare: edit((s) => s.replace(/\n---\n[\s\S]*$/, '\n---\n\n## 小标题\n')) }, /safety-inspection\.md:\d+:1 正文为空/],
  ])('%s stops the build with the file named and writes no site', async (_name, testCase, message) => {
    const { status, output, html, partialLeft } = await buildCase(_name.replace(/[^a-z]+/gi, '-'), testCase);
    expect(status).not.toBe(0);
    expect(output).toMatch(message);
    expect(html).toEqual([]);
    expect(partialLeft).toBe(false);
  }, BUILD_TIMEOUT);

  it('every bad article is named by one build, in file order', async () => {
    const { status, output, html } = await buildCase('several-bad-files', {
      prepare: (dir, file) => {
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*\n/m, ''));
        const other = join(dir, '2024/05/three-transformations-conference.md');
        writeFileSync(other, readFileSync(other, 'utf8').replace(/^date: .*$/m, 'date: 2024-13-40'));
      },
    });
    expect(status).not.toBe(0);
    const reported = [...output.matchAll(/\/2024\/05\/([a-z-]+)\.md:\d+:\d+ 字段 (\w+)/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(reported).toEqual(['safety-inspection title', 'three-transformations-conference date']);
    expect(html).toEqual([]);
  }, BUILD_TIMEOUT);

  it('a failure after the pages were rendered (the search index) leaves the last good site as it was', async () => {
    const { status, output, html, outDir, partialLeft } = await buildCase('late-failure', { prepare: () => {}, env: { SEARCH_PAGES_PER_PART: '0' }, previousSite: true });
    expect(status).not.toBe(0);
    expect(output).toContain('SEARCH_PAGES_PER_PART 应为正整数');
    expect(html).toEqual(['index.html']);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('上一次的网站');
    expect(partialLeft).toBe(false);
  }, BUILD_TIMEOUT);
});

describe('a build with a bad newsroom config', () => {
  it('stops before anything is built, naming each wrong field’s line, and leaves the last good site as it was', async () => {
    const siteDir = join(workDir, 'bad-config-site');
    cpSync(join(QINGWEI.config, '..'), siteDir, { recursive: true });
    const config = join(siteDir, 'site.yaml');
    const source = readFileSync(config, 'utf8');
    writeFileSync(config, source.replace('icp: 湘ICP备2099000001号-1', 'icp: 湘ICP备 2099').replace('logo: masthead.svg', 'logo: 报头.png'));
    const lineOf = (start: string) => source.split('\n').findIndex((line) => line.startsWith(start)) + 1;
    const { status, output, html, outDir, partialLeft } = await buildCase('bad-config', { prepare: () => {}, env: { SITE_CONFIG: config }, previousSite: true });
    expect(status).not.toBe(0);
    expect(output).toContain(`site.yaml:${lineOf('icp:')}:6 字段 icp：ICP 备案号（icp）应照备案写`);
    expect(output).toContain(`site.yaml:${lineOf('logo:')}:7 字段 logo：找不到报头图片“报头.png”`);
    expect(html).toEqual(['index.html']);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('上一次的网站');
    expect(partialLeft).toBe(false);
  }, BUILD_TIMEOUT);
});

/** The text as a Chinese Windows editor saves it (GBK), for the characters the seed articles use. */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  // Node has no GBK encoder; build the table from its decoder over the two-byte range.
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
