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
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countPassLog, describeUpload, type PassCount, uploadPasses } from '../lib/publishing/upload-plan.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
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
  const counts: PassCount[] = [];
  for (const pass of passes) {
    console.log(pass.label);
    const { status, log } = await runRclone(pass.args);
    if (status !== 0) fail(`上传未完成（${pass.label}失败，rclone 退出码 ${status}）；之后的步骤没有执行，桶中没有删除任何文件`);
    const count = countPassLog(log);
    counts.push(count);
    if (!values['dry-run']) console.log(`  上传 ${count.copied} 个文件${count.deleted ? `，删除 ${count.deleted} 个` : ''}`);
  }
  const siteFiles = readdirSync(siteDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  console.log(describeUpload(counts, siteFiles, { dryRun: values['dry-run'] }));
}

/** Runs rclone; its log (stderr) is shown as it comes and kept, to count what the pass sent. */
function runRclone(args: readonly string[]): Promise<{ status: number | string; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('rclone', args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let log = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      process.stderr.write(chunk);
      log += chunk;
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ status: code ?? signal ?? 'unknown', log }));
  });
}

if (import.meta.main) await main();
