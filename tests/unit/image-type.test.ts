import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { imageType, photoFileProblem } from '../../src/lib/article/image-type.ts';

const dir = mkdtempSync(join(tmpdir(), 'news-image-type-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('photo files', () => {
  it('are recognised by their first bytes, whatever their name says', async () => {
    const pixel = sharp({ create: { width: 2, height: 2, channels: 3, background: '#88aacc' } });
    expect(imageType(await pixel.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(imageType(await pixel.clone().png().toBuffer())).toBe('png');
    expect(imageType(await pixel.clone().webp().toBuffer())).toBe('webp');
    expect(imageType(await pixel.clone().gif().toBuffer())).toBe('gif');
    expect(imageType(await pixel.clone().avif().toBuffer())).toBe('avif');
    expect(imageType(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(imageType(Buffer.from('现场照片见附件'))).toBeUndefined();
    expect(imageType(Buffer.from('PK\u0003\u0004word/document.xml'))).toBeUndefined();
  });

  it('name what is wrong with an article photo: missing, not an image, or an SVG', async () => {
    mkdirSync(join(dir, 'photos'));
    await sharp({ create: { width: 4, height: 3, channels: 3, background: '#000' } }).jpeg().toFile(join(dir, 'photos/现场.jpg'));
    writeFileSync(join(dir, 'photos/renamed.jpg'), '这其实是文字');
    writeFileSync(join(dir, 'photos/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
    expect(photoFileProblem(dir, './photos/现场.jpg')).toBeUndefined();
    expect(photoFileProblem(dir, './photos/没有.jpg')).toMatch(/找不到图片文件“.\/photos\/没有.jpg”/);
    expect(photoFileProblem(dir, './photos')).toMatch(/找不到图片文件/);
    expect(photoFileProblem(dir, 'https://example.org/a.jpg')).toMatch(/不在本站/);
    // Found on macOS and Windows, missing on the Linux machine that publishes.
    expect(photoFileProblem(dir, './photos/现场.JPG')).toMatch(/大小写不一致：文件是“现场.jpg”/);
    expect(photoFileProblem(dir, './photos/renamed.jpg')).toMatch(/不是图片文件/);
    expect(photoFileProblem(dir, './photos/logo.svg')).toMatch(/SVG 矢量图，不能作为新闻照片/);
  });
});
