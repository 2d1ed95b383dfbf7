/**
 * A newsroom's two images, as the site serves them: the masthead (报头, optional) and the tab icon (its own, or
 * one drawn from the first character of its name on the theme colour, so that no newsroom shows another's).
 * Each is named by its bytes, so a changed image is a new URL and hosts may cache them for good; its size is
 * read from the file, so the header keeps the masthead's place before it loads.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** How each kind of image readNewsroom accepts (by sharp's name for its format) is served. */
const FORMATS: Record<string, { extension: string; contentType: string }> = {
  svg: { extension: '.svg', contentType: 'image/svg+xml' },
  png: { extension: '.png', contentType: 'image/png' },
  webp: { extension: '.webp', contentType: 'image/webp' },
  jpeg: { extension: '.jpg', contentType: 'image/jpeg' },
};

/** The size of defaultIconSvg's drawing (its viewBox). */
const DEFAULT_ICON_SIZE = { width: 32, height: 32 };

/** The newsroom's masthead, if it has one, and its icon; `site.logo` and `site.icon` are checked image paths (readNewsroom). */
export async function newsroomImages(site: Newsroom): Promise<{ logo?: NewsroomImage; icon: NewsroomImage }> {
  const icon = site.icon ? await imageFile('icon', site.icon) : image('icon', new TextEncoder().encode(defaultIconSvg(site.name, site.themeColor.light)), 'svg', DEFAULT_ICON_SIZE);
  return { ...(site.logo ? { logo: await imageFile('masthead', site.logo) } : {}), icon };
}

/** A square icon: the name's first character, white on the theme colour. */
export function defaultIconSvg(name: string, colour: string): string {
  const first = escapeXml(Array.from(name)[0] ?? '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${colour}"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">${first}</text></svg>`;
}

async function imageFile(role: string, path: string): Promise<NewsroomImage> {
  const bytes = readFileSync(path);
  const { format, width, height } = await sharp(bytes).metadata();
  return image(role, bytes, format, { width, height });
}

function image(role: string, bytes: Uint8Array<ArrayBuffer>, format: string, size: { width: number; height: number }): NewsroomImage {
  const { extension, contentType } = FORMATS[format]!;
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  return { fileName: `${role}-${hash}${extension}`, contentType, bytes, ...size };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);
}
