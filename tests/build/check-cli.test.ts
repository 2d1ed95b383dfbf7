/** `npm run check` over a temporary archive (content lint only; the type check runs in npm test itself). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteEnv, ZHONGYUAN } from '../fixtures/sites.ts';
import { scratchDir } from '../helpers/scratch.ts';

const dir = scratchDir('check');

const article = (title: string, body: string, date = '2024-05-06') =>
  `---\ntitle: ${title}\ndate: ${date}\ncolumn: 时政要闻\nsummary: 导语。\n---\n${body}\n`;
const runCheck = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli/check.ts', '--content-only', ...args], { encoding: 'utf8', env: { ...process.env, ...siteEnv(ZHONGYUAN, dir) } });

describe('npm run check', { timeout: 30_000 }, () => {
  it('passes with warnings, and --fix changes only the reported punctuation, atomically', () => {
    mkdirSync(join(dir, '2024/05'), { recursive: true });
    const file = join(dir, '2024/05/a.md');
    writeFileSync(file, article('会议召开', '本报讯 会议召开,部署工作。他说：“好。'));
    const first = runCheck();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/2024\/05\/a\.md:7:9 警告 \[half-width-punctuation\]/);
    expect(first.stdout).toMatch(/2024\/05\/a\.md:7:\d+ 警告 \[unmatched-pair\]/);
    expect(first.stdout).toContain('0 个错误，2 个警告');

    const fixed = runCheck('--fix');
    expect(fixed.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(article('会议召开', '本报讯 会议召开，部署工作。他说：“好。'));
    expect(fixed.stdout).toContain('已修正 1 处');
    expect(runCheck().stdout).not.toContain('half-width-punctuation');
  });

  it('fails on a bad newsroom config with its message alone, no stack trace under it', () => {
    const config = join(dir, '..', `${dir.split('/').pop()}-site.yaml`);
    writeFileSync(config, readFileSync(ZHONGYUAN.config, 'utf8').replace('pageSize: 20', 'pageSize: 200'));
    try {
      const { status, stderr } = spawnSync(process.execPath, ['src/cli/check.ts', '--content-only'], { encoding: 'utf8', env: { ...process.env, SITE_CONFIG: config, CONTENT_DIR: dir } });
      expect(status).toBe(1);
      expect(stderr).toMatch(/site\.yaml:\d+:11 字段 pageSize：每页篇数（pageSize）最多 100\n$/);
      expect(stderr).not.toMatch(/\bat \S+ \(|node:internal/);
    } finally {
      rmSync(config);
    }
  });

  it('fails on an error, naming file, line and field', () => {
    writeFileSync(join(dir, '2024/05/b.md'), article('另一篇', '本报讯 正文。', '2024-13-40'));
    const { status, stderr } = runCheck();
    expect(status).toBe(1);
    expect(stderr).toMatch(/2024\/05\/b\.md:3:7 错误 \[schema\] 字段 date：日期“2024-13-40”不存在/);
  });

  it('in GitHub or Forgejo Actions, also says each problem as an annotation at the article’s line', () => {
    const { status, stdout } = spawnSync(process.execPath, ['src/cli/check.ts', '--content-only'], { encoding: 'utf8', env: { ...process.env, ...siteEnv(ZHONGYUAN, dir), GITHUB_ACTIONS: 'true' } });
    expect(status).toBe(1);
    expect(stdout).toMatch(/^::error file=[^,\n]*2024\/05\/b\.md,line=3,col=7,title=稿件检查 \[schema\]::字段 date：日期“2024-13-40”不存在/m);
    expect(stdout).toMatch(/^::warning file=[^,\n]*2024\/05\/a\.md,line=7,col=\d+,title=稿件检查 \[unmatched-pair\]::/m);
  });

  it('fails on a file that is not UTF-8 and on two files at one URL, naming them', () => {
    rmSync(join(dir, '2024/05/b.md'));
    // 本报讯 会议 in GBK, as a Chinese Windows editor saves it.
    writeFileSync(join(dir, '2024/05/gbk.md'), Buffer.concat([Buffer.from(article('旧稿', '')), Buffer.from([0xb1, 0xbe, 0xb1, 0xa8, 0xd1, 0xb6])]));
    writeFileSync(join(dir, '2024/05/A.md'), article('同名', '本报讯 正文。'));
    const { status, stderr } = runCheck();
    expect(status).toBe(1);
    expect(stderr).toMatch(/2024\/05\/gbk\.md:8:1 错误 \[encoding\] 文件不是 UTF-8 编码/);
    expect(stderr).toMatch(/2024\/05\/A\.md:1:1 错误 \[file-name\] 与 .*2024\/05\/a\.md 的网址相同/);
  });
});
