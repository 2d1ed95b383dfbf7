/**
 * `node tests/build-sites.ts [name…]`: builds the test sites (tests/sites.ts), all of them in order or the ones
 * named, each from an empty directory of its own, with the production build (`buildSite`, as `npm run build`).
 * `npm run build:<name>` builds one. Exits non-zero at the first site that does not build.
 *
 * One after another: two builds in one project at once race on the project's .astro/ (Astro writes the content
 * collections' asset map there whatever the cache directory), and a site may then build with another's.
 */
import { rmSync } from 'node:fs';
import { runBuild } from './helpers/build.ts';
import { TEST_SITES, type TestSite, testSites } from './sites.ts';

const names = process.argv.slice(2);
let sites: readonly TestSite[];
try {
  sites = names.length ? testSites(names) : TEST_SITES;
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

for (const site of sites) {
  console.log(`\n▶ building the test site “${site.name}”: ${site.description} → ${site.outDir}`);
  rmSync(site.dir, { recursive: true, force: true });
  await site.writeArticles?.(site.contentDir);
  const result = await runBuild({ newsroom: site.newsroom, articles: site.contentDir, outDir: site.outDir, cacheDir: site.cacheDir, env: site.env }, { stdio: 'inherit' });
  if (!result.ok) {
    console.error(`✗ the test site “${site.name}” did not build`);
    process.exit(1);
  }
}
process.exit(0);
