import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { hasUrlScheme } from '../urls.ts';

/**
 * What kind of image a file is, from its first bytes: a photo that is really a text file or a Word document
 * renamed to .jpg would otherwise fail deep in the image pipeline, with no word of the article it belongs to.
 */
const SIGNATURES: { type: string; test: (bytes: Uint8Array) => boolean }[] = [
  { type: 'jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'png', test: (b) => ascii(b, 1, 3) === 'PNG' && b[0] === 0x89 },
  { type: 'gif', test: (b) => ascii(b, 0, 4) === 'GIF8' },
  { type: 'webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP' },
  { type: 'avif', test: (b) => ascii(b, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 4)) },
  { type: 'tiff', test: (b) => ['II*\u0000', 'MM\u0000*'].includes(ascii(b, 0, 4)) },
  { type: 'svg', test: (b) => /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(ascii(b, 0, b.length)) },
];

/** Bytes needed from the start of a file for `imageType`. */
export const IMAGE_HEADER_BYTES = 512;

export function imageType(header: Uint8Array): string | undefined {
  return SIGNATURES.find(({ test }) => test(header))?.type;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** What is wrong with an article's photo file (`src` relative to the article's directory), or undefined. */
export function photoFileProblem(articleDir: string, src: string): string | undefined {
  if (hasUrlScheme(src)) return `图片“${src}”不在本站：请把照片放进文章所在的目录，写相对路径（例如 ./photos/现场.jpg）`;
  const path = resolve(articleDir, src);
  // macOS and Windows find A.JPG for a.jpg; the Linux machine that publishes does not.
  const actual = namesIn(dirname(path)).find((name) => name.toLowerCase() === basename(path).toLowerCase());
  if (actual !== undefined && actual !== basename(path)) {
    return `图片文件名的大小写不一致：文件是“${actual}”，文章写的是“${basename(path)}”；发布网站的服务器区分大小写`;
  }
  const header = readHeader(path);
  if (!header) return `找不到图片文件“${src}”：路径相对于这篇文章所在的目录（例如 ./photos/现场.jpg）`;
  const type = imageType(header);
  if (!type) return `“${src}”不是图片文件（JPEG、PNG、WebP、GIF、AVIF 或 TIFF）：请从原图重新导出`;
  // Astro's pipeline does not rasterise SVG: the build would fail after every page was written.
  if (type === 'svg') return `“${src}”是 SVG 矢量图，不能作为新闻照片：请导出为 JPEG 或 PNG`;
  return undefined;
}

/** The kind of image the file at `path` is (by its first bytes), or undefined when it is missing or not an image. */
export function imageFileType(path: string): string | undefined {
  const header = readHeader(path);
  return header && imageType(header);
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readHeader(path: string): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const header = new Uint8Array(IMAGE_HEADER_BYTES);
    return header.subarray(0, readSync(fd, header, 0, IMAGE_HEADER_BYTES, 0));
  } catch {
    return undefined; // a directory, or unreadable
  } finally {
    closeSync(fd);
  }
}
