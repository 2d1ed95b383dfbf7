/**
 * A newsroom's two images, as the site serves them: the masthead (报头, optional) and the tab icon (its own, or
 * one drawn from the first character of its name on the theme colour, so that no newsroom shows another's).
 * Each is named by its bytes, so a changed image is a new URL and hosts may cache them for good; its size is
 * read from the file, so the header keeps the masthead's place before it loads.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import sharp from 'sharp';
import type { Newsroom } from './newsroom.ts';

export interface NewsroomImage {
  /** The file name it is served under, in the site's newsroom/ directory: masthead-1a2b3c4d5e.png. */
  fileName: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
}

/** Where an image is in the built site (src/pages/newsroom/[file].ts writes it there). */
export const newsroomImagePath = (image: NewsroomImage) => `newsroom/${image.fileName}`;

const CONTENT_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };
const TYPE_EXTENSIONS: Record<string, string> = { svg: '.svg', png: '.png', webp: '.webp', jpeg: '.jpg' };

/** The newsroom's masthead, if it has one, and its icon; `site.logo` and `site.icon` are checked image paths (readNewsroom). */
export async function newsroomImages(site: Newsroom): Promise<{ logo?: NewsroomImage; icon: NewsroomImage }> {
  const icon = site.icon ? await imageFile('icon', site.icon) : await image('icon', new TextEncoder().encode(defaultIconSvg(site.name, site.themeColor.light)), '.svg');
  return { ...(site.logo ? { logo: await imageFile('masthead', site.logo) } : {}), icon };
}

/** A square icon: the name's first character, white on the theme colour. */
export function defaultIconSvg(name: string, colour: string): string {
  const first = escapeXml(Array.from(name)[0] ?? '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${colour}"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">${first}</text></svg>`;
}

async function imageFile(role: string, path: string): Promise<NewsroomImage> {
  const bytes = readFileSync(path);
  const metadata = await sharp(bytes).metadata();
  return image(role, bytes, TYPE_EXTENSIONS[metadata.format] ?? extname(path).toLowerCase(), metadata);
}

async function image(role: string, bytes: Uint8Array<ArrayBuffer>, extension: string, metadata?: { width: number; height: number }): Promise<NewsroomImage> {
  const { width, height } = metadata ?? (await sharp(bytes).metadata());
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  return { fileName: `${role}-${hash}${extension}`, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', bytes, width, height };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);
}
