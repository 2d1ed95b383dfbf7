/** `npm run due` over a temporary archive: what the scheduled workflow reads. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteEnv, ZHONGYUAN } from '../fixtures/sites.ts';
import { scratchDir } from '../helpers/scratch.ts';

const dir = scratchDir('due');

const article = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\ncolumn: 时政要闻\nsummary: 导语。\n---\n本报讯 正文。\n`;
const runDue = (...args: string[]) => {
  const output = join(dir, 'github-output');
  writeFileSync(output, '');
  const result = spawnSync(process.execPath, ['src/cli/due.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...siteEnv(ZHONGYUAN, join(dir, 'articles')), GITHUB_OUTPUT: output } });
  return { ...result, output: readFileSync(output, 'utf8') };
};

describe('npm run due', { timeout: 30_000 }, () => {
  mkdirSync(join(dir, 'articles/2025/06'), { recursive: true });
  writeFileSync(join(dir, 'articles/2025/06/embargo.md'), article('定时发布的报道', '2025-06-20 09:30'));

  it('says an embargo at 09:30 is due at 09:31, and tells the workflow', () => {
    const due = runDue('--since', '2025-06-20T09:00:00+08:00', '--now', '2025-06-20T09:31:00+08:00');
    expect(due.status).toBe(0);
    expect(due.stdout).toContain('有 1 项到期');
    expect(due.stdout).toContain('2025/06/20 09:30（北京时间） 定时发布时间已到：2025/06/embargo.md');
    expect(due.output).toBe('due=true\n');
  });

  it('says nothing is due at 09:29, and when the next change is', () => {
    const due = runDue('--since', '2025-06-20T09:00:00+08:00', '--now', '2025-06-20T09:29:00+08:00');
    expect(due.status).toBe(0);
    expect(due.stdout).toContain('没有到期的内容');
    expect(due.stdout).toContain('下一项：2025/06/20 09:30（北京时间） 定时发布时间已到');
    expect(due.output).toBe('due=false\n');
  });

  it('fails on a bad article, naming it, and on a missing --since', () => {
    writeFileSync(join(dir, 'articles/2025/06/bad.md'), article('日期错', '2025-13-01'));
    const bad = runDue('--since', '2025-06-20T09:00:00+08:00');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/2025\/06\/bad\.md:3:7 字段 date：日期“2025-13-01”不存在/);
    expect(bad.output).toBe('');
    rmSync(join(dir, 'articles/2025/06/bad.md'));
    const missing = runDue();
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('--since 应为 ISO 8601 时间');
  });
});
