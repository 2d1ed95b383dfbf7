import { describe, expect, it } from 'vitest';
import { countPassLog, describeUpload, REFERRING_FILES, uploadPasses } from '../../src/lib/publishing/upload-plan.ts';

describe('the upload to object storage', () => {
  it('copies assets, then everything that changed, then deletes, each by checksum', () => {
    const passes = uploadPasses('dist', 'oss:bucket/news');
    expect(passes.map((pass) => pass.args.slice(0, 3))).toEqual([
      ['copy', 'dist', 'oss:bucket/news'],
      ['copy', 'dist', 'oss:bucket/news'],
      ['sync', 'dist', 'oss:bucket/news'],
    ]);
    for (const pass of passes) expect(pass.args).toContain('--checksum');
    for (const pattern of REFERRING_FILES) expect(passes[0]!.args.join(' ')).toContain(`--exclude ${pattern}`);
    expect(passes[1]!.args).not.toContain('--exclude');
    expect(uploadPasses('dist', 'cos:b', { dryRun: true }).every((pass) => pass.args.includes('--dry-run'))).toBe(true);
  });

  it('refuses a target that is not an rclone remote, saying what one looks like', () => {
    expect(() => uploadPasses('dist', 'my-bucket')).toThrow(/oss:my-bucket\/news/);
  });
});

describe('counting what a pass sent', () => {
  it('reads rclone’s -v log: copies new and replaced, deletions, and what a dry run would do', () => {
    const log = [
      '2026/12/06 23:03:34 NOTICE: Config file "/root/.config/rclone/rclone.conf" not found - using defaults',
      '2026/12/06 23:03:34 INFO  : a/x.html: Copied (new)',
      '2026/12/06 23:03:34 INFO  : y.png: Copied (replaced existing)',
      '2026/12/06 23:03:34 INFO  : old.txt: Deleted',
      '2026/12/06 23:03:34 INFO  :           4 B / 4 B, 100%, 0 B/s, ETA -',
    ].join('\n');
    expect(countPassLog(log)).toEqual({ copied: 2, deleted: 1 });
    const dry = ['2026/12/06 23:03:34 NOTICE: y.png: Skipped copy as --dry-run is set (size 2)', '2026/12/06 23:03:34 NOTICE: old.txt: Skipped delete as --dry-run is set (size 2)'].join('\n');
    expect(countPassLog(dry)).toEqual({ copied: 1, deleted: 1 });
    expect(countPassLog('')).toEqual({ copied: 0, deleted: 0 });
  });

  it('says in one line what the upload sent, of how many files', () => {
    expect(describeUpload([{ copied: 70, deleted: 0 }, { copied: 13, deleted: 0 }, { copied: 0, deleted: 2 }], 73_416)).toBe('上传完成：上传了 83 个文件，删除了 2 个（网站共 73,416 个文件，其余与桶中相同）');
    // A dry run sends nothing, so every pass lists again what the ones before it would send: the last has it all.
    expect(describeUpload([{ copied: 70, deleted: 0 }, { copied: 83, deleted: 0 }, { copied: 83, deleted: 2 }], 73_416, { dryRun: true })).toBe(
      '预演结束，没有上传或删除任何文件：将上传 83 个文件，删除 2 个（网站共 73,416 个文件，其余与桶中相同）',
    );
  });
});
