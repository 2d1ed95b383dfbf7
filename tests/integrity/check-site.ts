/**
 * `npm run test:integrity`: what a link checker and an HTML validator say about the built sites, run by
 * `npm test` after the builds. For each test site the registry (tests/sites.ts) has it check (the test newsroom's
 * site at the root, the corpus site, the same site under /news/, the second newsroom's site):
 *  - every HTML file passes html-validate's recommended rules (.htmlvalidate.json);
 *  - linkinator crawls the site from its home page over its own static server and every internal link,
 *    asset and #anchor resolves (links to other hosts, such as canonical URLs, are not fetched: CI is offline);
 *  - every page is reachable by links from the home page (an unlinked page is an unfinished page), except
 *    the 404 page and the web editor's (/admin/, reached by its address: readers are never sent there).
 * Exits non-zero with one line per problem. `--root DIR --base-path /news/` checks one site instead, served from
 * DIR as a host's document root at that base path: what the deploy workflow checks before it publishes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { FileSystemConfigLoader, formatterFactory, HtmlValidate } from 'html-validate';
import { LinkChecker, LinkState } from 'linkinator';
import { TEST_SITES } from '../sites.ts';

interface BuiltSite {
  name: string;
  /** Its name in the registry, to build it again. */
  testSite?: string;
  /** Directory served as the host's document root. */
  root: string;
  /** Where the site lives on that host. */
  basePath: string;
}

const SITES: BuiltSite[] = TEST_SITES.flatMap((site) => (site.integrity ? [{ name: site.integrity, testSite: site.name, root: site.root, basePath: site.basePath }] : []));

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** linkinator reports local links relative to the server root ("./", "archive/2024/"). */
const LOCAL = 'http://local.invalid/';

function servedUrl(reported: string): string {
  const url = new URL(reported, LOCAL);
  return url.origin === new URL(LOCAL).origin ? `${url.pathname}${url.hash}` : url.href;
}

function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(root, file))
    .sort();
}

/** The path a file is served at: dist/archive/2024/index.html → /archive/2024/. */
function servedPath(root: string, file: string): string {
  return `/${relative(root, file).split(sep).join('/')}`.replace(/index\.html$/, '');
}

async function validateHtml(files: string[]): Promise<{ problems: number; report: string }> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const results = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    results.push(...report.results);
  }
  const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
  return { problems, report: problems ? formatterFactory('text')(results) : '' };
}

async function checkLinks(site: BuiltSite): Promise<{ broken: string[]; unreached: string[]; checked: number }> {
  const checker = new LinkChecker();
  const result = await checker.check({
    // Relative to serverRoot: the site's directory on the host.
    path: site.basePath.replace(/^\/|\/$/g, '') || '.',
    serverRoot: site.root,
    recurse: true,
    checkFragments: true,
    concurrency: 20,
    linksToSkip: async (link) => {
      const url = new URL(link, LOCAL);
      return url.href.startsWith(LOCAL) ? false : !LOCAL_HOSTS.has(url.hostname);
    },
  });
  const broken = result.links
    .filter((link) => link.state === LinkState.BROKEN)
    .map((link) => {
      const target = servedUrl(link.url);
      const problem = link.status === 200 && target.includes('#') ? 'no such anchor' : (link.status ?? 'no response');
      return `${problem}: ${target} (linked from ${link.parent ? servedUrl(link.parent) : 'the start'})`;
    });
  const reached = new Set(result.links.filter((link) => link.state === LinkState.OK).map((link) => decodeURI(new URL(link.url, LOCAL).pathname)));
  const unreached = htmlFiles(site.root)
    .map((file) => servedPath(site.root, file))
    .filter((path) => !path.endsWith('/404.html') && !/\/admin\/(?:index\.html)?$/.test(path) && !reached.has(path));
  return { broken, unreached, checked: result.links.length };
}

let failed = false;
const { values: options } = parseArgs({ options: { root: { type: 'string' }, 'base-path': { type: 'string' } } });
const chosen: BuiltSite[] = options.root
  ? [{ name: 'site', root: options.root, basePath: `/${(options['base-path'] ?? '').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/') }]
  : SITES;
for (const site of chosen) {
  if (!existsSync(site.root)) {
    const build = site.testSite ? `node tests/build-sites.ts ${site.testSite}` : 'npm run build';
    console.error(`✗ ${site.name}: ${site.root} does not exist; build it first (${build}; npm run test:e2e builds every test site)`);
    failed = true;
    continue;
  }
  const files = htmlFiles(site.root);
  const html = await validateHtml(files);
  const links = await checkLinks(site);
  const ok = html.problems === 0 && links.broken.length === 0 && links.unreached.length === 0;
  failed ||= !ok;
  console.log(
    `${ok ? '✓' : '✗'} ${site.name} (${site.root}): ${files.length} HTML files, ${html.problems} html-validate problems; ` +
      `${links.checked} links checked, ${links.broken.length} broken; ${links.unreached.length} pages not linked from anywhere`,
  );
  if (html.report) console.log(html.report);
  for (const line of links.broken) console.log(`  broken link: ${line}`);
  for (const path of links.unreached) console.log(`  not linked: ${path}`);
}
process.exit(failed ? 1 : 0);
