/**
 * A temporary archive: a copy of a test newsroom's articles (or of other fixture articles, or none) in a
 * directory of the test's own, changed by the test, and built from there with the newsroom's config. The
 * fixtures themselves are never written.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type FixtureSite, ZHONGYUAN } from '../fixtures/sites.ts';
import { type BuildTarget, type BuiltSite, runBuild } from './build.ts';
import { editFile, writeFile } from './file-tree.ts';

export interface ArchiveOptions {
  /** The newsroom it is built as; default the test newsroom 中原新闻. */
  newsroom?: FixtureSite;
  /** The article directories copied into it, in order (a file in two is an error); default the newsroom's own articles. */
  from?: readonly string[];
  /** False: no articles directory until a file is written (as after `git rm -r content/articles`). */
  exists?: boolean;
  /** The project it is built with (its code and config): this one, or a copy (tests/helpers/project-copy.ts). */
  project?: string;
}

export interface TemporaryArchive {
  /** The articles directory (CONTENT_DIR): `<root>/articles`. */
  dir: string;
  /** The directory it was made in, where its builds go too. */
  root: string;
  newsroom: FixtureSite;
  /** The absolute path of an article file, given as a path inside the archive ('2024/05/a.md'). */
  path(file: string): string;
  read(file: string): string;
  /** Writes a file of the archive, making its directories; returns its absolute path. */
  write(file: string, content: string | Uint8Array): string;
  /** Rewrites a file with `change`, which must change it. */
  edit(file: string, change: (text: string) => string): void;
  remove(file: string): void;
  /** What `build(name)` builds: into `<root>/<name>/dist` with the cache `<root>/<name>/cache` (no name: `<root>/dist`). */
  target(name?: string, env?: NodeJS.ProcessEnv): BuildTarget;
  /** Builds the archive as it is now; a failed build is a result, not an exception. */
  build(name?: string, env?: NodeJS.ProcessEnv): Promise<BuiltSite>;
}

/** Makes a temporary archive in `root` (a directory the test removes, such as a scratchDir). */
export function temporaryArchive(root: string, { newsroom = ZHONGYUAN, from = [newsroom.articles], exists = true, project }: ArchiveOptions = {}): TemporaryArchive {
  const dir = join(root, 'articles');
  if (exists) mkdirSync(dir, { recursive: true });
  for (const source of from) cpSync(source, dir, { recursive: true, errorOnExist: true, force: false });
  const path = (file: string) => join(dir, file);
  const target = (name = '', env: NodeJS.ProcessEnv = {}): BuildTarget => ({
    newsroom,
    articles: dir,
    outDir: join(root, name, 'dist'),
    cacheDir: join(root, name, 'cache'),
    env,
  });
  return {
    dir,
    root,
    newsroom,
    path,
    read: (file) => readFileSync(path(file), 'utf8'),
    write: (file, content) => writeFile(path(file), content),
    edit: (file, change) => editFile(path(file), change),
    remove: (file) => rmSync(path(file)),
    target,
    build: (name, env) => runBuild(target(name, env), project ? { cwd: project } : {}),
  };
}
