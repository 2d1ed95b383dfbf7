/**
 * Which way imports point (docs/design.md): the reader's browser loads nothing of the build side, and of lib
 * only the search's browser half, what both halves share and the loose modules; the site's layers point down
 * (pages → layouts → components → data → lib); lib imports nothing of the app; nothing imports a command; and
 * src/lib keeps its modules in folders by domain.
 * Read from the source files themselves: static imports, re-exports and dynamic imports with a literal path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|astro|mjs|js)$/.test(file))
    .map((file) => join(dir, file));
}

/** The specifiers a file imports; of an .astro file, those of its <script> elements (what the browser runs) when `browserOnly`. */
function specifiers(file: string, browserOnly = false): string[] {
  let text = readFileSync(join(ROOT, file), 'utf8');
  if (file.endsWith('.astro') && browserOnly) text = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
  // Type-only imports are erased: nothing of them is loaded.
  text = text.replace(/^\s*(?:import|export)\s+type\s[^;]*;/gm, '');
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

const resolveFrom = (file: string, specifier: string) => relative(ROOT, resolve(ROOT, dirname(file), specifier));

/**
 * Every module a browser loads from these entries and all they import; by default the reader's: the page
 * scripts and the <script> elements of pages and components.
 */
function browserModules(entries = [...sourceFiles('src/scripts'), ...sourceFiles('src').filter((file) => file.endsWith('.astro'))]): Map<string, string[]> {
  const modules = new Map<string, string[]>();
  const visit = (file: string, browserOnly: boolean) => {
    if (modules.has(file) && !browserOnly) return;
    const found = specifiers(file, browserOnly);
    if (!file.endsWith('.astro')) modules.set(file, found);
    for (const specifier of found) if (specifier.startsWith('.')) visit(resolveFrom(file, specifier), false);
  };
  for (const entry of entries) visit(entry, entry.endsWith('.astro'));
  return modules;
}

/** What only the build may load: its folders, and packages that need Node or do build work. */
const BUILD_SIDE = [/^src\/lib\/.*\/build\//, /^src\/(build|search-indexer|cli|integrations|data|preview)\//, /^src\/(content\.config|markdown|settings)\.ts$/];
const BROWSER_PACKAGES = new Set(['opencc-js/t2cn']);
/** What the web editor's page script may import besides lib: the packages of the article file's reader and writer and of file names. */
const EDITOR_PACKAGES = new Set(['yaml', 'pinyin-pro', 'astro/zod', 'hast-util-to-text']);

describe('import directions', () => {
  it('the reader’s browser loads nothing of the build side: no build module, no node: module, no build package', () => {
    const modules = browserModules();
    expect(modules.has('src/scripts/search.ts')).toBe(true);
    expect(modules.has('src/lib/search/browser/session.ts')).toBe(true);
    for (const [file, found] of modules) {
      expect(BUILD_SIDE.some((pattern) => pattern.test(file)), `${file} is build side`).toBe(false);
      for (const specifier of found.filter((specifier) => !specifier.startsWith('.'))) {
        expect(BROWSER_PACKAGES.has(specifier), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });

  it('the reader’s scripts load only src/scripts, the search’s browser half and what it shares, and lib’s loose modules', () => {
    const READER_SIDE = /^src\/(scripts\/|lib\/search\/browser\/|lib\/search\/[^/]+\.ts$|lib\/[^/]+\.ts$)/;
    for (const file of browserModules().keys()) expect(file, `${file} is loaded in the reader's browser`).toMatch(READER_SIDE);
  });

  it('the reader’s pages load nothing of the web editor', () => {
    for (const file of browserModules().keys()) expect(file, `${file} is the editor's`).not.toMatch(/^src\/(editor|lib\/editor)\//);
  });

  it('the web editor’s page script loads nothing of the build side and no node: module', () => {
    const modules = browserModules(['src/editor/admin.ts']);
    expect(modules.has('src/lib/editor/article-format.ts')).toBe(true);
    for (const [file, found] of modules) {
      expect(BUILD_SIDE.some((pattern) => pattern.test(file)) || /^src\/editor\/(?!admin\.ts)/.test(file), `${file} is build side`).toBe(false);
      for (const specifier of found.filter((specifier) => !specifier.startsWith('.'))) {
        expect(EDITOR_PACKAGES.has(specifier), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });

  it('lib imports nothing of the app: only lib modules and packages (astro/zod is zod)', () => {
    for (const file of sourceFiles('src/lib')) {
      for (const specifier of specifiers(file)) {
        if (specifier.startsWith('.')) expect(resolveFrom(file, specifier), `${file} imports ${specifier}`).toMatch(/^src\/lib\//);
        else expect(specifier === 'astro/zod' || !specifier.startsWith('astro'), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });

  it('the site’s layers point down: pages → layouts → components → data → lib, and none of them reaches the build’s machinery', () => {
    // Besides the layers below it, each may import: pages and layouts the browser's scripts (<script> entries,
    // ?raw, ?worker&url) and the styles; data the e-paper's build side (its loader renders the printed pages).
    const LAYERS = ['src/pages/', 'src/layouts/', 'src/components/', 'src/data/', 'src/lib/'];
    const ALSO_ALLOWED: Record<string, RegExp> = {
      'src/pages/': /^src\/(scripts|styles)\//,
      'src/layouts/': /^src\/(scripts|styles)\//,
      'src/components/': /^src\/styles\//,
      'src/data/': /^src\/epaper\//,
    };
    const layerOf = (file: string) => LAYERS.findIndex((layer) => file.startsWith(layer));
    let checked = 0;
    for (const [index, layer] of LAYERS.slice(0, -1).entries()) {
      for (const file of sourceFiles(layer)) {
        for (const specifier of specifiers(file).filter((specifier) => specifier.startsWith('.'))) {
          const target = resolveFrom(file, specifier.replace(/\?.*$/, ''));
          const targetLayer = layerOf(target);
          const allowed = targetLayer >= index || ALSO_ALLOWED[layer]!.test(target);
          expect(allowed, `${file} imports ${target}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('nothing imports a command: src/cli is only run', () => {
    for (const file of [...sourceFiles('src'), ...sourceFiles('tests'), ...sourceFiles('bench'), 'astro.config.ts', 'playwright.config.ts']) {
      for (const specifier of specifiers(file).filter((specifier) => specifier.startsWith('.'))) {
        expect(resolveFrom(file, specifier), `${file} imports ${specifier}`).not.toMatch(/^src\/cli\//);
      }
    }
  });

  it('src/lib keeps at most five modules outside its domain folders', () => {
    const loose = readdirSync(join(ROOT, 'src/lib'), { withFileTypes: true }).filter((entry) => entry.isFile());
    expect(loose.length, loose.map((entry) => entry.name).join(', ')).toBeLessThanOrEqual(5);
  });
});
