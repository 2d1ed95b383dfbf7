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
