/**
 * The Content Security Policy every page carries: browsing and searching cause no violation, and the
 * policy is really enforced (an injected inline handler does not run).
 */
import { expect, test, type Page } from '@playwright/test';
import { at } from './site.ts';

/** Records CSP violations the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

test('every page type has a strict policy: no unsafe-inline, no unsafe-eval, only its own origin', async ({ page }) => {
  for (const path of ['/', '/articles/2024/05/safety-inspection/', '/search/', '/archive/', '/no-such-page/']) {
    await page.goto(at(path));
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy, path).toMatch(/default-src 'self'/);
    expect(policy, path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(policy, path).toMatch(/object-src 'none'/);
    expect(policy, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  }
});

test('browsing causes no policy violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(at('/'));
  await page.getByRole('button', { name: '深色' }).click();
  await page.locator('main a[href*="/articles/"]').first().click();
  await expect(page.locator('.article__title')).toBeVisible();
  for (const path of ['/archive/', '/archive/2024/05/', '/columns/safety/', '/tags/', '/people/李晓雷/', '/no-such-page/']) {
    await page.goto(at(path));
  }
  expect(violations).toEqual([]);
});

test('searching causes no policy violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(at('/'));
  await page.locator('#header-q').fill('燃气安全');
  await page.locator('#header-q').press('Enter');
  await expect(page.locator('[data-search-status]')).toContainText('找到');
  await page.getByRole('combobox', { name: '排序' }).selectOption('date');
  await expect(page.locator('.search-result').first()).toBeVisible();
  // A traditional-character query loads the converter; a result opens the article with its marks.
  await page.goto(at(`/search/?q=${encodeURIComponent('燃氣安全')}`));
  await expect(page.locator('[data-search-status]')).toContainText('按简体');
  await page.locator('.search-result h2 a').first().click();
  await expect(page.locator('.article__body mark').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('the policy is enforced: an inline event handler injected into a page does not run', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(at('/articles/2024/05/safety-inspection/'));
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image.png" alt="" onerror="document.body.dataset.injected = \'ran\'">');
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.locator('body').getAttribute('data-injected')).toBeNull();
  expect(violations.join('\n')).toMatch(/script-src/);
});
