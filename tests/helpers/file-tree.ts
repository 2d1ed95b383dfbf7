/**
 * A file tree as the tests look at one: a built site, an index part, a bucket. Paths are relative to the
 * tree's root, with forward slashes, sorted by code points, so that two trees compare as they are.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Every file under `root` (no directories), or those `keep` accepts; none when `root` is not there. */
export function listFiles(root: string, keep: (path: string) => boolean = () => true): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(keep)
    .sort();
}

/** The HTML files under `root`: a built site's pages (index.html, articles/…/index.html). */
export const htmlFiles = (root: string): string[] => listFiles(root, (path) => path.endsWith('.html'));

/**
 * Every file under `root` by path, each as text in `encoding` or as `read` makes it of its bytes (a digest):
 * two outputs compared byte for byte with one toEqual.
 */
export function readTree(root: string, read: BufferEncoding | ((bytes: Buffer) => string) = 'utf8'): Record<string, string> {
  const as = typeof read === 'function' ? read : (bytes: Buffer) => bytes.toString(read);
  return Object.fromEntries(listFiles(root).map((path) => [path, as(readFileSync(join(root, path)))]));
}

/** Makes `root` hold exactly `files` (path → text): what was there before is removed. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  rmSync(root, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) writeFile(join(root, path), content);
  return root;
}

/** Writes `file`, making its directories. */
export function writeFile(file: string, content: string | Uint8Array): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** Rewrites a text file with `change`; throws when `change` left it as it was (the test would prove nothing). */
export function editFile(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`editing ${file} changed nothing: the test's edit no longer matches the file`);
  writeFileSync(file, after);
}
