/**
 * A bad article must stop the real `astro build`: non-zero exit, a message naming the file and the field,
 * and no output directory. Each case builds a temporary copy of content/ with one file broken.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const workDir = mkdtempSync(join(tmpdir(), 'news-build-errors-'));
const target = '2024/05/safety-inspection.md';

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function buildWithBrokenArticle(name: string, breakArticle: (source: string) => string) {
  const caseDir = join(workDir, name);
  const contentDir = join(caseDir, 'articles');
  cpSync('content/articles', contentDir, { recursive: true });
  const file = join(contentDir, target);
  const original = readFileSync(file, 'utf8');
  const broken = breakArticle(original);
  expect(broken).not.toBe(original);
  writeFileSync(file, broken);
  const outDir = join(caseDir, 'dist');
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, ASTRO_CACHE_DIR: join(caseDir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDirExists: existsSync(outDir), file };
}

describe('astro build with a bad article', () => {
  it.each([
    ['missing-title', (s: string) => s.replace(/^title: .*\n/m, ''), 'title'],
    ['impossible-date', (s: string) => s.replace(/^date: .*$/m, 'date: 2024-13-40'), 'date'],
    ['unknown-column', (s: string) => s.replace(/^column: .*$/m, 'column: 体育新闻'), 'column'],
    ['unknown-key', (s: string) => s.replace(/^tags: /m, 'autor: 唐善普\ntags: '), 'autor'],
  ])('%s stops the build, names the file and field, and writes no output', (_name, breakArticle, field) => {
    const { status, output, outDirExists, file } = buildWithBrokenArticle(_name, breakArticle);
    expect(status).not.toBe(0);
    expect(output).toContain(`${file}:`);
    expect(output).toMatch(new RegExp(`字段 ${field}：`));
    expect(outDirExists).toBe(false);
  }, 120_000);

  it.each([
    ['script', '<script>alert(1)</script>', '正文含有 <script>'],
    ['onclick', '<p onclick="steal()">点此</p>', '事件属性（onclick=）'],
    ['javascript-link', '[点此](javascript:alert(1))', 'javascript:/data: 地址'],
  ])('active content (%s) in the body stops the build, names the file and line, and writes no output', (name, html, message) => {
    const { status, output, outDirExists, file } = buildWithBrokenArticle(name, (s) => `${s}\n${html}\n`);
    expect(status).not.toBe(0);
    expect(output).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ `));
    expect(output).toContain(message);
    expect(outDirExists).toBe(false);
  }, 120_000);
});
