import { expect, test, type Page } from '@playwright/test';

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

/**
 * How far the photo's box and the text under it may move or differ from the original's ratio, in CSS px.
 * Chromium lays boxes out in 1/64 px units, so a box fixed by attributes alone measures the same to within
 * a unit. The bug this guards against moved the text 0.42 px at desktop width and 0.08 px at phone width:
 * invisible to a reader, and under Chromium's 3 px threshold for layout-shift entries, so a tolerance of
 * 0.5 px (or CLS alone) would have let it pass. 0.05 px is three layout units of slack and under both.
 */
const TOLERANCE = 0.05;

/** Where the photo and the text under it are, and whether the photo has arrived, by the browser's own measures. */
function measure(page: Page) {
  return page.locator('.article__photo img').evaluate((img: HTMLImageElement) => {
    const box = img.getBoundingClientRect();
    return {
      loaded: img.complete && img.naturalWidth > 0,
      width: box.width,
      height: box.height,
      /** The original's ratio, which the width and height attributes carry. */
      ratio: Number(img.getAttribute('width')) / Number(img.getAttribute('height')),
      bodyTop: (document.querySelector('.article__body') as HTMLElement).getBoundingClientRect().top + window.scrollY,
    };
  });
}

// Desktop (the 42rem column picks the 800 px file, 800×533) and a phone at 3× (the 1200 px file, 1200×800):
// each file's ratio differs a little from the original's 1600×1067.
for (const { name, viewport, deviceScaleFactor } of [
  { name: 'desktop', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 },
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
]) {
  test.describe(name, () => {
    test.use({ viewport, deviceScaleFactor });

    test('the layout does not shift while the photo loads', async ({ page }) => {
      // Every layout shift from the first frame on, as the browser reports it.
      await page.addInitScript(() => {
        const shifts: { value: number }[] = [];
        const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as unknown as { value: number }[])));
        observer.observe({ type: 'layout-shift', buffered: true });
        Object.assign(window, { layoutShifts: () => [...shifts, ...(observer.takeRecords() as unknown as { value: number }[])] });
      });
      // The photo files are held back until the page has been measured without them.
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/*.webp', async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(ARTICLE, { waitUntil: 'domcontentloaded' });
      const before = await measure(page);
      expect(before.loaded, 'measured before the photo arrived').toBe(false);

      release();
      await page.waitForLoadState('load');
      await page.locator('.article__photo img').evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      });
      const after = await measure(page);
      expect(after.loaded).toBe(true);

      // The box was the original's shape before the photo came and stays so after, and nothing under it moved.
      for (const [when, box] of [['before', before], ['after', after]] as const) {
        expect(Math.abs(box.height - box.width / box.ratio), `photo height ${when} loading`).toBeLessThanOrEqual(TOLERANCE);
      }
      expect(Math.abs(after.width - before.width), 'photo width').toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(after.bodyTop - before.bodyTop), 'article body position').toBeLessThanOrEqual(TOLERANCE);
      // The browser saw no layout shift either (it ignores moves under 3 px, hence the measures above).
      expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('layout-shift'))).toBe(true);
      const shifts = await page.evaluate(() => (window as unknown as { layoutShifts(): { value: number }[] }).layoutShifts().map((entry) => entry.value));
      expect(shifts).toEqual([]);
    });
  });
}

test('the page with a photo causes no Content Security Policy violation', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.goto(ARTICLE);
  await expect(page.locator('.article__photo img')).toHaveJSProperty('complete', true);
  // The photo's box is styled by the site's stylesheet (a refused stylesheet would leave it unpositioned).
  expect(await page.locator('.article__photo img').evaluate((img) => getComputedStyle(img).objectFit)).toBe('cover');
  expect(violations).toEqual([]);
});

test('the structured data names the photo at a size news aggregators accept', async ({ page }) => {
  await page.goto(ARTICLE);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
  expect(data.image).toHaveLength(1);
  expect(data.image[0]).toMatch(/^https:\/\/news\.example\.org\/_astro\/elevator-retrofit\..+\.jpe?g$/);
  const response = await page.request.get(new URL(data.image[0]).pathname);
  expect(response.status()).toBe(200);
});
