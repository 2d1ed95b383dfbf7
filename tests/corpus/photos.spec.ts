import { expect, test } from '@playwright/test';

const ARTICLE = '/articles/2021/03/elevator-retrofit/';

test('an article photo is a responsive image with its size, alt text, caption and the /图 credit', async ({ page }) => {
  await page.goto(ARTICLE);
  const image = page.locator('.article__photo img');
  await expect(image).toHaveAttribute('alt', '百花社区12号楼外墙新装的电梯井道，几位老人站在单元门口');
  await expect(image).toHaveAttribute('width', '1600');
  await expect(image).toHaveAttribute('height', '1067');
  await expect(image).toHaveAttribute('srcset', /480w.*800w.*1200w/);
  await expect(image).toHaveAttribute('sizes', /42rem/);
  await expect(page.locator('.article__photo figcaption')).toHaveText(/3月17日.*李静怡 摄$/);
  // The image is optimised (WebP) and actually loads.
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && /\.webp$/.test(new URL(img.currentSrc).pathname))).toBe(true);
});

test('the layout does not shift while the photo loads', async ({ page }) => {
  await page.route('**/*.webp', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.goto(ARTICLE, { waitUntil: 'domcontentloaded' });
  const before = await page.locator('.article__body').boundingBox();
  await page.waitForLoadState('load');
  const after = await page.locator('.article__body').boundingBox();
  expect(after?.y).toBe(before?.y);
});

test('the structured data names the photo at a size news aggregators accept', async ({ page }) => {
  await page.goto(ARTICLE);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
  expect(data.image).toHaveLength(1);
  expect(data.image[0]).toMatch(/^https:\/\/news\.example\.org\/_astro\/elevator-retrofit\..+\.jpe?g$/);
  const response = await page.request.get(new URL(data.image[0]).pathname);
  expect(response.status()).toBe(200);
});
