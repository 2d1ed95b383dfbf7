/**
 * The sites the tests build, serve and check: one entry each, from which everything else is made —
 * `node tests/build-sites.ts [name…]` builds them (the `build:<name>` npm scripts name one), playwright.config.ts
 * makes its projects, tests/serve-sites.ts their preview servers, and tests/integrity/check-site.ts its list of sites.
 * The newsrooms they are built as (a config and its articles) are tests/fixtures/sites.ts.
 *
 * Each site lives in a directory of its own (removed before it is built), is built from its newsroom's own
 * articles or from a copy made by `writeArticles`, and is served on the Playwright base port (E2E_PORT, default
 * 4391) plus its `portOffset`. Importing this module does nothing else: what writes articles is loaded when a
 * site is built.
 */
import { resolve } from 'node:path';
import { type FixtureSite, QINGWEI, ZHONGYUAN } from './fixtures/sites.ts';

export interface TestSite {
  /** As `node tests/build-sites.ts <name>` and `npm run build:<name>` name it. */
  name: string;
  /** What it is for, as the build script prints it. */
  description: string;
  /** The newsroom it is built as: its config, and its articles unless `writeArticles` makes the archive. */
  newsroom: FixtureSite;
  /** Everything of the site: removed before it is built. */
  dir: string;
  /** The articles built: the newsroom's own, or `<dir>/content` written by `writeArticles`. */
  contentDir: string;
  /** Writes the archive into `contentDir`; without it the newsroom's own articles are built where they are. */
  writeArticles?: (contentDir: string) => Promise<void>;
  /** The build's environment besides the newsroom, OUT_DIR and ASTRO_CACHE_DIR (BASE_PATH, SITE_URL, search settings). */
  env: Record<string, string>;
  /** Where the site lives on its host: '/' or a sub-path such as '/news/'. */
  basePath: string;
  /** The public address it is built for (SITE_URL), when not its newsroom's. */
  siteUrl?: string;
  /** The host's document root, as the link checker serves it; the site is `outDir` = root + basePath. */
  root: string;
  outDir: string;
  cacheDir: string;
  /** Its preview server's port, after the Playwright base port. */
  portOffset: number;
  /**
   * The Playwright projects run against it: their test directory, whether their base URL includes the base path,
   * and the public address their pages' absolute links are compared with (metadata.siteUrl, tests/e2e/site.ts),
   * and whether its tests are long ones (minutes: walks of the whole search), which the run starts first so that
   * the two workers end together instead of one finishing them alone; and the files and tests it leaves out
   * (testIgnore; grepInvert, by tag).
   */
  projects: { name: string; testDir: string; atBasePath?: boolean; siteUrl?: string; long?: boolean; testIgnore?: string[]; grepInvert?: RegExp }[];
  /** Whether `npm run test:integrity` checks it (html-validate, links), under this name. */
  integrity?: string;
}

/** A site whose output is `<dir>/dist` and whose cache is `<dir>/cache`. */
function site(name: string, dirName: string, fields: Omit<TestSite, 'name' | 'dir' | 'root' | 'outDir' | 'cacheDir' | 'basePath' | 'contentDir'> & Partial<Pick<TestSite, 'basePath' | 'root' | 'outDir' | 'contentDir'>>): TestSite {
  const dir = resolve(dirName);
  const outDir = fields.outDir ?? resolve(dir, 'dist');
  return {
    name,
    dir,
    basePath: '/',
    root: outDir,
    outDir,
    cacheDir: resolve(dir, 'cache'),
    contentDir: fields.writeArticles ? resolve(dir, 'content') : fields.newsroom.articles,
    ...fields,
  };
}

/** The test newsroom's articles plus the fixture corpus, with a generated photo (tests/corpus/corpus-content.ts). */
async function writeCorpus(contentDir: string): Promise<void> {
  const { writeCorpusContent } = await import('./corpus/corpus-content.ts');
  await writeCorpusContent(contentDir);
}

/** Synthetic articles (2015–2024) around the 48 of the corpus in the large site. */
export const LARGE_SYNTHETIC_ARTICLES = 3000;

const SUBPATH_URL = 'https://www.example.gov.cn';

/**
 * The tag of a browse-and-search test whose subject is the same wherever the site is served (how the page
 * matches, odd input, the keyboard): the sub-path run leaves these out.
 */
export const ANY_BASE_PATH_TAG = '@any-base-path';
const SUBPATH_BASE = '/news/';

export const SITES = {
  /** The browse and search suite's site: the test newsroom 中原新闻 and its three seed articles, at the root. */
  e2e: site('e2e', '.e2e', {
    description: 'the test newsroom 中原新闻 (tests/fixtures/sites/zhongyuan), for the browse and search suite',
    newsroom: ZHONGYUAN,
    env: {},
    portOffset: 0,
    projects: [{ name: 'site', testDir: 'tests/e2e', siteUrl: ZHONGYUAN.newsroom.url }],
    integrity: 'archive',
  }),
  /**
   * The corpus site: the test newsroom's articles plus the fixture corpus (tests/fixtures/search-corpus, with a
   * generated photo) and a draft and an embargoed article, for the search-quality evaluation, the photos and
   * the embargo. Small parts and a small first step, so the evaluation and the tests search in steps over
   * several parts, as readers of a large archive do: the first step reads 2024–2025, the second 2021–2023, the
   * third 2019–2020.
   */
  corpus: site('corpus', '.eval', {
    description: 'its articles plus tests/fixtures/search-corpus, for the search evaluation, photos and embargoes',
    newsroom: ZHONGYUAN,
    writeArticles: async (contentDir) => {
      await writeCorpus(contentDir);
      const { writeUnpublished } = await import('./corpus/unpublished.ts');
      writeUnpublished(contentDir);
    },
    env: { SEARCH_PAGES_PER_PART: '15', SEARCH_FIRST_STEP_PAGES: '9' },
    portOffset: 1,
    projects: [{ name: 'corpus', testDir: 'tests/corpus', long: true }],
    integrity: 'corpus',
  }),
  /**
   * The browse and search suite's site as it is published under a sub-path (https://www.example.gov.cn/news/):
   * built into .subpath/site/news, where .subpath/site is the host's document root as the link checker serves it.
   */
  subpath: site('subpath', '.subpath', {
    description: `the test newsroom for ${SUBPATH_URL}${SUBPATH_BASE}`,
    newsroom: ZHONGYUAN,
    env: { SITE_URL: SUBPATH_URL, BASE_PATH: SUBPATH_BASE },
    basePath: SUBPATH_BASE,
    siteUrl: SUBPATH_URL,
    root: resolve('.subpath/site'),
    outDir: resolve('.subpath/site/news'),
    portOffset: 2,
    projects: [
      // What the browser builds or fetches under the base path: search (the index's files, the lexicon's and the
      // same-pinyin shards, its links and addresses), highlighting, feeds, the policy. Not the accessibility
      // audit (axe judges what a page shows, wherever it is served), nor the reading and browsing specs, whose
      // links are the page's own and which the link checker follows in this very build (test:integrity, every
      // link under /news/), nor the search tests whose subject is the same under any base path (@any-base-path).
      {
        name: 'site-subpath',
        testDir: 'tests/e2e',
        atBasePath: true,
        siteUrl: SUBPATH_URL,
        testIgnore: ['**/accessibility.spec.ts', '**/articles.spec.ts', '**/reading.spec.ts'],
        grepInvert: new RegExp(ANY_BASE_PATH_TAG),
      },
      { name: 'subpath', testDir: 'tests/subpath' },
    ],
    integrity: `archive under ${SUBPATH_BASE}`,
  }),
  /**
   * The corpus (as the corpus site has it, without the unpublished two) inside 3,000 synthetic articles
   * (bench/synthetic-archive.ts, 2015–2024, whose text is recombined from the same sentences, so the corpus's
   * words are everywhere). The search reads it in steps, as it reads an archive of twenty years: the first step
   * about 600 articles (two years), then twice as many each time.
   */
  large: site('large', '.eval-large', {
    description: 'the corpus inside 3,000 synthetic articles (the search at scale)',
    newsroom: ZHONGYUAN,
    writeArticles: async (contentDir) => {
      await writeCorpus(contentDir);
      const { writeSyntheticArchive } = await import('../bench/synthetic-archive.ts');
      const summary = await writeSyntheticArchive(contentDir, { articles: LARGE_SYNTHETIC_ARTICLES });
      console.log(`large evaluation archive: ${summary.articles} synthetic articles besides the corpus`);
    },
    env: { SEARCH_FIRST_STEP_PAGES: '600' },
    portOffset: 3,
    projects: [{ name: 'large', testDir: 'tests/large', long: true }],
  }),
  /**
   * The second newsroom's site: 青苇新闻 (tests/fixtures/sites/qingwei), a fictional newsroom with its own name,
   * columns, 备案 footer and theme colour, built from its config and articles with the same code as every other site.
   */
  'second-site': site('second-site', '.second-site', {
    description: 'the second test newsroom 青苇新闻 (tests/fixtures/sites/qingwei)',
    newsroom: QINGWEI,
    env: {},
    portOffset: 4,
    projects: [{ name: 'second-site', testDir: 'tests/second-site' }],
    integrity: 'second newsroom',
  }),
  /**
   * The e-paper with printed pages: the seed page split into two 版 of one edition, each typeset into a page PDF
   * by Chromium and imported with its PDF (tests/helpers/epaper-archive.ts), one article left a draft. Its
   * editions directory is beside its articles (.epaper/editions).
   */
  epaper: site('epaper', '.epaper', {
    description: 'two printed pages (版) imported with their PDFs, for the e-paper',
    newsroom: ZHONGYUAN,
    writeArticles: async (contentDir) => {
      const { writeEpaperArchive } = await import('./helpers/epaper-archive.ts');
      await writeEpaperArchive(contentDir);
    },
    env: {},
    portOffset: 5,
    projects: [{ name: 'epaper', testDir: 'tests/epaper' }],
    integrity: 'e-paper',
  }),
} satisfies Record<string, TestSite>;

export type TestSiteName = keyof typeof SITES;
/** Every site, in the order they are built. */
export const TEST_SITES: readonly TestSite[] = Object.values(SITES);

/** The sites named, in the order given; throws naming the ones that are not sites. */
export function testSites(names: readonly string[]): TestSite[] {
  const unknown = names.filter((name) => !(name in SITES));
  if (unknown.length) throw new Error(`no test site named ${unknown.join(', ')}; the sites are ${Object.keys(SITES).join(', ')}`);
  return names.map((name) => SITES[name as TestSiteName]);
}

/** The Playwright base port: the first site's preview server; the others follow it. */
export const basePort = (env: NodeJS.ProcessEnv = process.env) => Number(env.E2E_PORT ?? 4391);

/** The port a site's preview server listens on in the Playwright run. */
export const servedPort = (site: TestSite, env: NodeJS.ProcessEnv = process.env) => basePort(env) + site.portOffset;

/** Where a site is served in the Playwright run: http://127.0.0.1:<port>, without its base path. */
export const servedOrigin = (site: TestSite, env: NodeJS.ProcessEnv = process.env) => `http://127.0.0.1:${servedPort(site, env)}`;

/** The environment `astro preview` serves the built site with: its output, and its base path and address. */
export function previewEnv(site: TestSite): Record<string, string> {
  return { OUT_DIR: site.outDir, ...(site.basePath !== '/' && { BASE_PATH: site.basePath }), ...(site.siteUrl && { SITE_URL: site.siteUrl }) };
}
