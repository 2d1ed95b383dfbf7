/**
 * `npm run upload -- REMOTE [--dir dist] [--dry-run]`: puts the built site into object storage with rclone
 * (https://rclone.org: Aliyun OSS, Tencent COS and S3-compatible storage alike), only what changed, assets before
 * the pages that use them and deletions last (lib/publishing/upload-plan.ts). The remote is configured in rclone's own
 * config or environment (RCLONE_CONFIG_<NAME>_TYPE=s3 …; README "Object storage"), never in this repository.
 *
 *   npm run upload -- oss:my-bucket/news
 *
 * Exit code 1 when rclone is missing or any pass fails; a failed pass stops before the next, so a failure
 * in the first two never deletes anything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { uploadPasses } from '../lib/publishing/upload-plan.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string', default: 'dist' }, 'dry-run': { type: 'boolean', default: false } } });
  const [remote] = positionals;
  if (!remote || positionals.length > 1) fail('用法：npm run upload -- 远端:路径 [--dir dist] [--dry-run]，例如 npm run upload -- oss:my-bucket/news');
  const siteDir = resolve(values.dir);
  // Only a whole built site goes up: a missing index.html means no build (or a failed one) is there.
  if (!existsSync(join(siteDir, 'index.html'))) fail(`${siteDir} 中没有构建好的网站（缺少 index.html）；请先运行 npm run build`);
  if (spawnSync('rclone', ['version'], { stdio: 'ignore' }).status !== 0) fail('找不到 rclone：请先安装（https://rclone.org/install/，Debian/Ubuntu：apt-get install rclone）');

  let passes;
  try {
    passes = uploadPasses(siteDir, remote, { dryRun: values['dry-run'] });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  for (const pass of passes) {
    console.log(pass.label);
    const result = spawnSync('rclone', pass.args, { stdio: 'inherit' });
    if (result.status !== 0) fail(`上传未完成（${pass.label}失败，rclone 退出码 ${result.status ?? result.signal}）；之后的步骤没有执行，桶中没有删除任何文件`);
  }
  console.log(values['dry-run'] ? '预演结束，没有上传或删除任何文件' : '上传完成');
}

if (import.meta.main) main();
