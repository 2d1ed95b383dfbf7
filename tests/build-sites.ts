/**
 * `node tests/build-sites.ts [name…]`: builds the test sites (tests/sites.ts), all of them or the ones named,
 * each from an empty directory of its own, with the production build (`buildSite`, as `npm run build`).
 * `npm run build:<name>` builds one. One build per core at a time (the sites share nothing; each build is mostly
 * one busy process): on two cores the seven sites took 51 s one after another. Each site's output is printed
 * whole when it finishes, so that two builds' lines do not interleave. Exits non-zero when a site does not
 * build, after the builds under way have ended; no site is started after a failure.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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

const waiting = [...sites];
let failed = false;

async function buildNext(): Promise<void> {
  for (let site = waiting.shift(); site && !failed; site = waiting.shift()) {
    const started = performance.now();
    rmSync(site.dir, { recursive: true, force: true });
    await site.writeArticles?.(site.contentDir);
    const result = await runBuild({ newsroom: site.newsroom, articles: site.contentDir, outDir: site.outDir, cacheDir: site.cacheDir, env: site.env });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n▶ the test site “${site.name}”: ${site.description} → ${site.outDir}\n${result.output}`);
    if (result.ok) {
      console.log(`✓ the test site “${site.name}” built in ${seconds} s`);
    } else {
      console.error(`✗ the test site “${site.name}” did not build`);
      failed = true;
    }
  }
}

await Promise.all(Array.from({ length: Math.min(availableParallelism(), sites.length) }, buildNext));
process.exit(failed ? 1 : 0);
