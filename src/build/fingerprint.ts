/**
 * A fingerprint of the files a cached result was made from: the same files (by path and bytes), settings and
 * Node (whose ICU splits Chinese words) give the same fingerprint on every machine. What a cache keeps is
 * reused only under the fingerprint it was made with, so a stale result cannot be reused by construction.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `paths` are files or directories (all files under them), relative to `root`; missing ones count as missing. */
export function fingerprint(root: string, paths: readonly string[], settings: Record<string, string | undefined> = {}): string {
  const files = new Set<string>();
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) {
      files.add(`${path} (missing)`);
    } else if (statSync(full).isDirectory()) {
      for (const file of readdirSync(full, { recursive: true, encoding: 'utf8' })) {
        if (statSync(join(full, file)).isFile()) files.add(`${path}/${file.split('\\').join('/')}`);
      }
    } else {
      files.add(path);
    }
  }
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(`${file}\0`);
    if (!file.endsWith(' (missing)')) hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  hash.update(JSON.stringify({ settings, node: process.version, icu: process.versions.icu }));
  return hash.digest('hex');
}
