import { describe, expect, it } from 'vitest';
import { REFERRING_FILES, uploadPasses } from '../../src/lib/publishing/upload-plan.ts';

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
