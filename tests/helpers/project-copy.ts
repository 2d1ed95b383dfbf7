/**
 * A copy of this project (its code and config, sharing the installed packages) for a build that must not share
 * the project's directory with other builds: Astro writes `.astro/content-assets.mjs`, the map of the
 * content's images, into the project at every content sync, whatever the cache directory, so a build beside
 * one with photos could bundle the other's map (the parallel test-site builds once failed so:
 * LocalImageUsedWrongly). A build whose cache is to be reused must stay in its copy: a cache moved to another
 * project directory reuses no page.
 */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PROJECT_FILES = ['src', 'public', 'astro.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** Copies the project into `root` (which must not exist yet) and returns it. */
export function projectCopy(root: string): string {
  mkdirSync(root, { recursive: true });
  for (const entry of PROJECT_FILES) cpSync(entry, join(root, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}
