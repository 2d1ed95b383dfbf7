import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/lib/article/file.ts';
import { isoDay } from '../../src/lib/dates.ts';
import { siteEnv, ZHONGYUAN } from '../fixtures/sites.ts';
import { scratchDir } from '../helpers/scratch.ts';

const out = scratchDir('new');

const runNew = (...args: string[]) => spawnSync(process.execPath, ['src/cli/new.ts', ...args, '--out', out], { encoding: 'utf8', env: { ...process.env, ...siteEnv(ZHONGYUAN, out) } });

describe('npm run new', { timeout: 30_000 }, () => {
  it('writes a valid draft dated today in China time and prints its path', () => {
    const { status, stdout } = runNew('西流湖公园夜市开市');
    expect(status).toBe(0);
    const path = stdout.trim();
    const today = isoDay(new Date());
    expect(path).toBe(join(out, today.slice(0, 4), today.slice(5, 7), 'xi-liu-hu-gong-yuan-ye-shi-kai.md'));
    const parsed = parseArticleFile(readFileSync(path, 'utf8'), path, { columns: ZHONGYUAN.newsroom.columns });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.data.title).toBe('西流湖公园夜市开市');
      expect(isoDay(parsed.data.date)).toBe(today);
      expect(parsed.data.draft).toBe(true);
    }
  });

  it('never overwrites, and explains its usage', () => {
    const again = runNew('西流湖公园夜市开市');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在');
    expect(runNew().status).toBe(2);
  });
});
