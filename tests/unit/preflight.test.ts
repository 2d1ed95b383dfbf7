/** The preflight of `npm test` (tests/preflight.ts) and the choice of Chromium (tests/chromium.ts), over what a machine has. */
import { describe, expect, it } from 'vitest';
import { chooseChromium, chromiumCandidates, DEBIAN_CHROMIUM } from '../chromium.ts';
import { type Found, missingForTests, preflightMessage } from '../preflight.ts';

const PLAYWRIGHT_CHROMIUM = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const everything: Found = { chromium: { debian: DEBIAN_CHROMIUM }, configuredExists: false, fontconfig: true, cjkFonts: true, rclone: true, strace: true };
const without = (changes: Partial<Found>): Found => ({ ...everything, ...changes });

describe('the Chromium the tests use', () => {
  it('is CHROMIUM_PATH when set, else Debian’s, else Playwright’s own download, else none', () => {
    expect(chooseChromium({ configured: '/opt/chrome', debian: DEBIAN_CHROMIUM, playwright: PLAYWRIGHT_CHROMIUM })).toBe('/opt/chrome');
    expect(chooseChromium({ debian: DEBIAN_CHROMIUM, playwright: PLAYWRIGHT_CHROMIUM })).toBe(DEBIAN_CHROMIUM);
    expect(chooseChromium({ playwright: PLAYWRIGHT_CHROMIUM })).toBe(PLAYWRIGHT_CHROMIUM);
    expect(chooseChromium({})).toBeUndefined();
  });

  it('counts Debian’s and Playwright’s only when they are on disk', () => {
    const none = chromiumCandidates({}, () => false);
    expect(none.debian).toBeUndefined();
    expect(none.playwright).toBeUndefined();
    const all = chromiumCandidates({ CHROMIUM_PATH: '/opt/chrome' }, () => true);
    expect(all).toMatchObject({ configured: '/opt/chrome', debian: DEBIAN_CHROMIUM });
    expect(all.playwright).toMatch(/ms-playwright/);
  });
});

describe('the preflight of npm test', () => {
  it('lets the tests run when everything is there, with Debian’s or only Playwright’s Chromium', () => {
    expect(missingForTests(everything)).toEqual([]);
    expect(missingForTests(without({ chromium: { playwright: PLAYWRIGHT_CHROMIUM } }))).toEqual([]);
    expect(missingForTests(without({ chromium: { configured: '/opt/chrome' }, configuredExists: true }))).toEqual([]);
  });

  it('names each thing missing and the one apt command that installs them all', () => {
    const missing = missingForTests({ chromium: {}, configuredExists: false, fontconfig: true, cjkFonts: false, rclone: false, strace: true });
    expect(missing.map((item) => item.name)).toEqual(['Chromium', 'CJK fonts', 'rclone']);
    const message = preflightMessage(missing);
    expect(message).toContain('sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk rclone');
    expect(message).toContain('npx playwright install chromium');
    expect(message).toContain('Noto Sans CJK');
    expect(preflightMessage(missing, { root: true })).toContain('\n  apt-get update && apt-get install -y chromium fonts-noto-cjk rclone');
  });

  it('asks for fontconfig too when there is no fc-list, and only for what is missing', () => {
    const missing = missingForTests(without({ fontconfig: false, cjkFonts: false }));
    expect(missing.flatMap((item) => item.packages)).toEqual(['fontconfig', 'fonts-noto-cjk']);
    expect(preflightMessage(missingForTests(without({ rclone: false })))).toContain('apt-get install -y rclone\n');
    expect(preflightMessage(missingForTests(without({ strace: false })))).toContain('apt-get install -y strace\n');
  });

  it('says when CHROMIUM_PATH names a browser that is not there, rather than installing another', () => {
    const missing = missingForTests(without({ chromium: { configured: '/opt/chrome', debian: DEBIAN_CHROMIUM }, configuredExists: false }));
    expect(missing).toEqual([expect.objectContaining({ name: 'Chromium', packages: [] })]);
    const message = preflightMessage(missing);
    expect(message).toContain('CHROMIUM_PATH is /opt/chrome, which does not exist');
    expect(message).not.toContain('apt-get');
  });
});
