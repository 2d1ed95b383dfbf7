/**
 * How the site goes up to object storage (Aliyun OSS, Tencent COS, any S3-compatible bucket) without a reader
 * ever meeting a page whose assets are not there yet: three passes of rclone, each uploading only what differs
 * by checksum (a fresh build gives every file a new modification time, so times must not count).
 *
 * 1. assets: images, styles, scripts and the search index's data files (their names carry hashes, so a new
 *    one never replaces an old one a served page still uses);
 * 2. the files that refer to others: pages, feeds, sitemaps, the index's entry points (JSON), headers;
 * 3. deletions: what the bucket has and the site no longer does (a withdrawn article, an old index part).
 */

/** Files that name others: uploaded after every file they may name. Everything else is an asset. */
export const REFERRING_FILES = ['*.html', '*.xml', '*.json', '*.txt', '*.webmanifest', '_headers', '_redirects'];

export interface UploadPass {
  /** What the pass is, for the log (editors read it in the workflow). */
  label: string;
  args: string[];
}

export interface UploadOptions {
  /** Say what would be uploaded and deleted, change nothing. */
  dryRun?: boolean;
}

/** The rclone commands that put `siteDir` at `remote` (an rclone remote and path, e.g. oss:bucket/news). */
export function uploadPasses(siteDir: string, remote: string, { dryRun = false }: UploadOptions = {}): UploadPass[] {
  if (!remote.includes(':')) throw new Error(`上传目标应为 rclone 的“远端:路径”，例如 oss:my-bucket/news，现在是“${remote}”`);
  const common = ['--checksum', '--stats-one-line', '-v', ...(dryRun ? ['--dry-run'] : [])];
  return [
    { label: '第一步：图片、样式、脚本和搜索索引数据', args: ['copy', siteDir, remote, ...common, ...REFERRING_FILES.flatMap((pattern) => ['--exclude', pattern])] },
    { label: '第二步：网页、订阅源、站点地图和索引入口', args: ['copy', siteDir, remote, ...common] },
    { label: '第三步：删除网站已不再有的文件', args: ['sync', siteDir, remote, ...common, '--delete-after'] },
  ];
}

/** What one pass of rclone did (or, with --dry-run, would do), read from its log at level INFO (-v). */
export interface PassCount {
  copied: number;
  deleted: number;
}

/**
 * Counts the files a pass sent and deleted from rclone's log lines: "path: Copied (new)", "Copied (replaced
 * existing)", "Deleted", and with --dry-run "Skipped copy" and "Skipped delete".
 */
export function countPassLog(log: string): PassCount {
  let copied = 0;
  let deleted = 0;
  for (const line of log.split('\n')) {
    if (/: (?:Copied \(|Skipped copy as --dry-run)/.test(line)) copied++;
    else if (/: (?:Deleted$|Skipped delete as --dry-run)/.test(line.trimEnd())) deleted++;
  }
  return { copied, deleted };
}

/** The upload's last line, for the workflow's log: how many files went up, how many were deleted, of how many. */
export function describeUpload(counts: readonly PassCount[], siteFiles: number, { dryRun = false }: UploadOptions = {}): string {
  // A dry run copies nothing, so each pass lists again what the one before would have sent; the last pass, the
  // sync, lists all of it. A real pass sends only what the passes before it did not.
  const sent = dryRun ? counts.slice(-1) : counts;
  const copied = sent.reduce((sum, count) => sum + count.copied, 0);
  const deleted = sent.reduce((sum, count) => sum + count.deleted, 0);
  const unchanged = `网站共 ${siteFiles.toLocaleString('en-US')} 个文件，其余与桶中相同`;
  return dryRun
    ? `预演结束，没有上传或删除任何文件：将上传 ${copied} 个文件，删除 ${deleted} 个（${unchanged}）`
    : `上传完成：上传了 ${copied} 个文件，删除了 ${deleted} 个（${unchanged}）`;
}
