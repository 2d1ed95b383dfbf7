import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultIconSvg, newsroomImagePath, newsroomImages } from '../../src/lib/newsroom/images.ts';
import { readNewsroom } from '../../src/lib/newsroom/newsroom.ts';
import { QINGWEI, ZHONGYUAN } from '../fixtures/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'newsroom-images-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('newsroomImages', () => {
  it('serves a newsroom’s masthead and icon under names of their bytes, with the sizes read from the files', async () => {
    const { logo, icon } = await newsroomImages(QINGWEI.newsroom);
    expect(logo).toMatchObject({ fileName: expect.stringMatching(/^masthead-[0-9a-f]{10}\.svg$/), contentType: 'image/svg+xml', width: 300, height: 60 });
    expect(icon).toMatchObject({ fileName: expect.stringMatching(/^icon-[0-9a-f]{10}\.png$/), contentType: 'image/png', width: 64, height: 64 });
    expect(Buffer.from(logo!.bytes).equals(readFileSync(QINGWEI.newsroom.logo!))).toBe(true);
    expect(newsroomImagePath(icon)).toBe(`newsroom/${icon.fileName}`);
  });

  it('names a changed image anew, so a cached copy is never shown for it', async () => {
    const dir = join(work, 'changed');
    cpSync(join(QINGWEI.config, '..'), dir, { recursive: true });
    const before = await newsroomImages(readNewsroom(readFileSync(join(dir, 'site.yaml'), 'utf8'), join(dir, 'site.yaml')));
    await sharp({ create: { width: 48, height: 48, channels: 3, background: '#15803d' } }).png().toFile(join(dir, 'icon.png'));
    const after = await newsroomImages(readNewsroom(readFileSync(join(dir, 'site.yaml'), 'utf8'), join(dir, 'site.yaml')));
    expect(after.icon.fileName).not.toBe(before.icon.fileName);
    expect(after.icon).toMatchObject({ width: 48, height: 48 });
    expect(after.logo?.fileName).toBe(before.logo?.fileName);
  });

  it('gives a newsroom without images no masthead and an icon of its own name and colour', async () => {
    const { logo, icon } = await newsroomImages(ZHONGYUAN.newsroom);
    expect(logo).toBeUndefined();
    const svg = new TextDecoder().decode(icon.bytes);
    expect(svg).toBe(defaultIconSvg('中原新闻', '#9b1c1c'));
    expect(svg).toContain('fill="#9b1c1c"');
    expect(svg).toMatch(/>中<\/text>/);
    expect(icon).toMatchObject({ contentType: 'image/svg+xml', width: 32, height: 32 });
  });

  it('escapes the first character when the name begins with one XML gives meaning to', () => {
    expect(defaultIconSvg('<新闻>', '#000000')).toContain('>&#60;</text>');
    // A character outside the BMP is one character, not half of one.
    expect(defaultIconSvg('𠀋新闻', '#000000')).toContain('>𠀋</text>');
  });

  it('refuses a masthead that only pretends to be an image', () => {
    const dir = join(work, 'pretend');
    cpSync(join(QINGWEI.config, '..'), dir, { recursive: true });
    writeFileSync(join(dir, 'masthead.svg'), '报头稍后补上');
    expect(() => readNewsroom(readFileSync(join(dir, 'site.yaml'), 'utf8'), 'site.yaml')).toThrow();
    expect(() => readNewsroom(readFileSync(join(dir, 'site.yaml'), 'utf8'), join(dir, 'site.yaml'))).toThrow(/字段 logo：报头图片“masthead.svg”应为 SVG、PNG、WEBP、JPEG 图片/);
  });
});
