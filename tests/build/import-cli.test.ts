/** `npm run import` as editors run it: real files in a temporary content directory. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/lib/archive/source.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';
import { scratchDir } from '../helpers/scratch.ts';

const workDir = scratchDir('import');

function runImport(args: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, SITE_CONFIG: ZHONGYUAN.config } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The article files the import wrote (as the build lists them), path → text. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listArticleFiles(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

describe('npm run import', { timeout: 30_000 }, () => {
  const out = join(workDir, 'articles');
  const seed = 'tests/fixtures/seed-print-page.txt';

  it('writes one draft per article and says what to check', () => {
    const { status, stdout } = runImport([seed, '--date', '2024-05-06', '--out', out]);
    expect(status).toBe(0);
    const files = Object.keys(snapshot(out));
    expect(files).toHaveLength(3);
    expect(files.every((file) => file.startsWith('2024/05/zhong-yuan-qu-'))).toBe(true);
    expect(stdout).toContain('共导入 3 篇');
    expect(stdout).toContain('待核对：第13行与第17行是印刷排版断开的同一段，已接上');
    expect(stdout).toContain('请选择栏目（column）');
    expect(Object.values(snapshot(out)).every((text) => text.includes('draft: true'))).toBe(true);
  });

  it('never overwrites an article without --force, and writes nothing at all then', () => {
    const before = snapshot(out);
    const file = Object.keys(before)[0]!;
    writeFileSync(join(out, file), `${before[file]}\n编辑修改过的内容\n`);
    const edited = snapshot(out);
    const { status, stderr } = runImport([seed, '--date', '2024-05-06', '--out', out]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/seed-print-page\.txt:\d+: .* 已存在；确认要覆盖请加 --force/);
    expect(stderr).toContain('没有写入任何文件');
    expect(snapshot(out)).toEqual(edited);
    expect(runImport([seed, '--date', '2024-05-06', '--out', out, '--force']).status).toBe(0);
    expect(snapshot(out)).toEqual(before);
  });

  it('writes nothing with --dry-run', () => {
    const dryOut = join(workDir, 'dry');
    const { status, stdout } = runImport([seed, '--date', '2024-05-06', '--out', dryOut, '--dry-run']);
    expect(status).toBe(0);
    expect(stdout).toContain('试运行：共 3 篇');
    expect(existsSync(dryOut)).toBe(false);
  });

  it.each([
    ['empty', Buffer.from(''), ':1: 文件是空的'],
    ['no-headline', Buffer.from('今天天气很好。\n\n明天也好。\n'), ':1: 找不到稿件'],
    ['byline-only', Buffer.from('\n记者 唐善普\n通讯员 白博\n'), ':2: 找不到稿件'],
    // 中原区 in GBK: a file saved by an old Windows system.
    ['gbk', Buffer.concat([Buffer.from('标题\n\n本报讯 '), Buffer.from([0xd6, 0xd0, 0xd4, 0xad, 0xc7, 0xf8]), Buffer.from('\n')]), ':3: 文件不是 UTF-8 编码'],
  ])('rejects a bad file (%s) naming file and line, and leaves content unchanged', (name, bytes, message) => {
    const input = join(workDir, `${name}.txt`);
    writeFileSync(input, bytes);
    const badOut = join(workDir, `out-${name}`);
    const { status, stderr } = runImport([input, '--date', '2024-05-06', '--out', badOut]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${input}${message}`);
    expect(existsSync(badOut)).toBe(false);
  });

  it('explains its usage when the date is missing', () => {
    const { status, stderr } = runImport([seed]);
    expect(status).toBe(2);
    expect(stderr).toContain('用法：npm run import');
  });
});
