import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { at } from './site.ts';

const pages: [string, string][] = [
  ['home', '/'],
  ['article', '/articles/2024/05/project-review-q1-economy/'],
  ['article from a search', '/articles/2024/05/safety-inspection/?q=燃气安全'],
  ['archive', '/archive/'],
  ['archive year', '/archive/2024/'],
  ['archive month', '/archive/2024/05/'],
  ['archive day', '/archive/2024/05/06/'],
  ['column', '/columns/economy/'],
  ['empty column', '/columns/culture/'],
  ['tag', '/tags/燃气安全/'],
  ['tags', '/tags/'],
  ['person', '/people/李晓雷/'],
  ['people', '/people/'],
  ['search with results', '/search/?q=李晓雷'],
  ['404', '/no-such-page/'],
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const [name, path] of pages) {
      test(`${name} has no accessibility violations`, async ({ page }) => {
        await page.goto(at(path));
        if (path.startsWith('/search/')) await expect(page.locator('[data-search-status]')).toHaveText(/找到/);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}
