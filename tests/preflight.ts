/**
 * `npm test` runs this first: it stops in its first seconds, before the type check and the builds, when the
 * machine lacks what the tests need, and says exactly what to install — instead of failing minutes later
 * inside a browser or upload test. What it looks for:
 *  - a Chromium (tests/chromium.ts: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own download);
 *  - CJK fonts, `fc-list` listing Noto Sans CJK (without them Chinese renders as boxes in the browser tests);
 *  - rclone, which the upload's test runs;
 *  - strace, with which a build test counts the article files every process of a build opens.
 * `bash .ci/run` installs all three on a fresh Debian machine and runs `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chooseChromium, chromiumCandidates, type ChromiumCandidates, DEBIAN_CHROMIUM } from './chromium.ts';

export interface Found {
  chromium: ChromiumCandidates;
  /** Whether `configured` (CHROMIUM_PATH) is a file that exists. */
  configuredExists: boolean;
  /** Whether `fc-list` runs at all (fontconfig). */
  fontconfig: boolean;
  /** Whether `fc-list` lists a Noto Sans CJK font. */
  cjkFonts: boolean;
  rclone: boolean;
  strace: boolean;
}

export interface Missing {
  /** What is missing: Chromium, CJK fonts, rclone. */
  name: string;
  /** What is wrong, and what needs it. */
  what: string;
  /** The Debian packages that provide it. */
  packages: string[];
  /** Another way to get it, when there is one. */
  otherwise?: string;
}

/** What the tests need that `found` lacks; empty when `npm test` can run. */
export function missingForTests(found: Found): Missing[] {
  const missing: Missing[] = [];
  const { configured } = found.chromium;
  if (configured && !found.configuredExists) {
    missing.push({
      name: 'Chromium',
      what: `CHROMIUM_PATH is ${configured}, which does not exist`,
      packages: [],
      otherwise: 'point CHROMIUM_PATH at an installed Chromium or Chrome, or unset it to use /usr/bin/chromium or Playwright’s own',
    });
  } else if (!chooseChromium(found.chromium)) {
    missing.push({
      name: 'Chromium',
      what: `for the browser tests: none at ${DEBIAN_CHROMIUM}, CHROMIUM_PATH is not set, and Playwright’s own is not downloaded`,
      packages: ['chromium'],
      otherwise: '`npx playwright install chromium` (Playwright’s own), or CHROMIUM_PATH=/path/to/chrome',
    });
  }
  if (!found.fontconfig) {
    missing.push({ name: 'CJK fonts', what: 'there is no fc-list (fontconfig) to find them; without CJK fonts Chinese renders as boxes in the browser tests', packages: ['fontconfig', 'fonts-noto-cjk'] });
  } else if (!found.cjkFonts) {
    missing.push({ name: 'CJK fonts', what: 'fc-list lists no “Noto Sans CJK”; without CJK fonts Chinese renders as boxes in the browser tests', packages: ['fonts-noto-cjk'] });
  }
  if (!found.rclone) missing.push({ name: 'rclone', what: 'for the upload’s test (tests/build/upload-cli.test.ts)', packages: ['rclone'] });
  if (!found.strace) missing.push({ name: 'strace', what: 'for the test that a build opens each article file once (tests/build/one-source.test.ts)', packages: ['strace'] });
  return missing;
}

/** What to tell the developer: each thing missing, then the one apt command that installs them. */
export function preflightMessage(missing: readonly Missing[], { root = false }: { root?: boolean } = {}): string {
  const packages = [...new Set(missing.flatMap((item) => item.packages))];
  const lines = ['npm test needs what this machine does not have (测试所需软件缺失):'];
  for (const item of missing) lines.push(`  ✗ ${item.name}: ${item.what}`);
  if (packages.length) {
    lines.push('', 'Install on Debian or Ubuntu (请安装):', `  ${root ? '' : 'sudo '}apt-get update && ${root ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`);
  }
  const others = missing.filter((item) => item.otherwise);
  if (others.length) lines.push('', ...others.map((item) => `${packages.length ? 'Or, for' : 'For'} ${item.name}: ${item.otherwise}`));
  lines.push('', '`bash .ci/run` installs what is missing (Debian) and then runs npm test.');
  return lines.join('\n');
}

/** Whether `command args…` runs and succeeds; its output when it does. */
function run(command: string, args: string[]): { ok: boolean; stdout: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 8_000 });
  return { ok: !result.error && result.status === 0, stdout: result.stdout ?? '' };
}

/** What this machine has. */
export function lookAround(env: NodeJS.ProcessEnv = process.env): Found {
  const chromium = chromiumCandidates(env);
  const fonts = run('fc-list', []);
  return {
    chromium,
    configuredExists: !!chromium.configured && existsSync(chromium.configured),
    fontconfig: fonts.ok,
    cjkFonts: fonts.ok && /Noto Sans CJK/i.test(fonts.stdout),
    rclone: run('rclone', ['version']).ok,
    strace: run('strace', ['-V']).ok,
  };
}

if (import.meta.main) {
  const missing = missingForTests(lookAround());
  if (missing.length) {
    console.error(preflightMessage(missing, { root: process.getuid?.() === 0 }));
    process.exit(1);
  }
}
