import { isAbsolute, relative } from 'node:path';

/** A path as editors want to read it: relative inside the project (content/articles/…), in full outside. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const inside = relative(cwd, file);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside;
}
