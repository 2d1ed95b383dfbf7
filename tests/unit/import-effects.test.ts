/**
 * Importing a module does nothing but define things (docs/design.md): every .ts module under src/ is imported in
 * a fresh Node process with no environment but PATH, in an empty directory without a newsroom's config — no
 * command runs, nothing is read or written, nothing is printed, nothing exits. The modules that only Astro's
 * Vite can load (they import astro:content or virtual:news/settings, which exist only in a build) are listed,
 * so that the list cannot grow unnoticed; so is the one browser script that is an entry point of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'news-import-effects-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ONLY_IN_ASTRO = [
  'src/content.config.ts',
  'src/data/archive.ts',
  'src/data/article-body.ts',
  'src/data/urls.ts',
  'src/layouts/inline-script.ts',
  'src/pages/news-sitemap.xml.ts',
  'src/pages/newsroom/[file].ts',
  'src/pages/robots.txt.ts',
  'src/pages/rss.xml.ts',
];

/**
 * Scripts a page loads as files of their own, to run when loaded: the browser's equivalent of a command (the
 * article page's highlighter; the web editor's page script, which starts Decap CMS).
 */
const BROWSER_ENTRIES = ['src/scripts/highlight-on-load.ts', 'src/editor/admin.ts'];

describe('importing a module', () => {
  it('has no effect: every module under src/ imports in an empty directory with no environment, silently', () => {
    const modules = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .map((file) => `src/${file.split('\\').join('/')}`)
      .sort();
    const astroOnly = modules.filter((file) => /from ['"](?:astro:|virtual:)/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(astroOnly).toEqual(ONLY_IN_ASTRO);
    // A module that imports one of them (src/data/edition-trail.ts: data/urls.ts) is loaded only inside Astro too.
    const insideAstro = new Set(astroOnly);
    for (let grown = true; grown; ) {
      grown = false;
      for (const file of modules) {
        if (insideAstro.has(file)) continue;
        const relative = [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^(?!import type)[^\n]*from ['"](\.[^'"]+)['"]/gm)].map((match) => `src/${join(dirname(file.slice(4)), match[1]!).split('\\').join('/')}`);
        if (relative.some((target) => insideAstro.has(target))) {
          insideAstro.add(file);
          grown = true;
        }
      }
    }
    expect([...insideAstro].filter((file) => !astroOnly.includes(file))).toEqual(['src/data/edition-trail.ts']);
    const plain = modules.filter((file) => !insideAstro.has(file) && !BROWSER_ENTRIES.includes(file));
    expect(plain).toContain('src/cli/check.ts');
    expect(plain).toContain('src/settings.ts');

    const cwd = mkdtempSync(join(work, 'cwd-'));
    const report = join(work, 'imported.json');
    const runner = join(work, 'import-all.mjs');
    writeFileSync(
      runner,
      `import { writeFileSync } from 'node:fs';
const failed = {};
for (const url of ${JSON.stringify(plain.map((file) => pathToFileURL(join(ROOT, file)).href))}) {
  try { await import(url); } catch (error) { failed[url] = String(error?.message ?? error); }
}
writeFileSync(${JSON.stringify(report)}, JSON.stringify(failed));
`,
    );
    const run = spawnSync(process.execPath, [runner], { cwd, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 120_000 });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({});
    expect(readdirSync(cwd)).toEqual([]);
  }, 120_000);
});
