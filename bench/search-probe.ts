/**
 * What a reader's search costs on the served site, measured in headless Chromium through the real search
 * page, the way a reader meets it: the query is typed into the box (as an input method commits it), Enter
 * follows a short pause, and the reader reads the results before typing the next query.
 *
 * - first search: a new browser context per query (nothing cached); bytes and requests from typing until the
 *   first results are on screen, and the time from Enter to them;
 * - warm search: later queries on the same page (Pagefind loaded); time from Enter to rendered results, also
 *   for a query submitted the instant it is in the box (a pasted query and Enter at once), which cannot use
 *   what the page loads while the reader types;
 * - whole archive: the same queries sorted by relevance over the whole archive (sort=overall, one step that
 *   reads every part), cold and warm: what it costs to have searched everything;
 * - per kind of query (one word, words run together, pinyin letters, a same-pinyin slip), and for the
 *   pinyin and same-pinyin ones what their look-up in the lexicon transfers.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';

/** What a query is, for the figures per kind (the limits are per kind). */
export type BenchQueryKind = 'word' | 'terms' | 'run-together' | 'pinyin' | 'same-pinyin';

/**
 * Queries a reader of a district paper types: places, policies, people, a date, two terms and traditional
 * script ('word' and 'terms', as before); several words run together or asked as a question; pinyin typed
 * without an input method; a name typed with the wrong character of the same pinyin. Each is in the synthetic
 * archive's recombined sentences (bench/synthetic-archive.ts), so each finds something at every size.
 */
export const BENCH_QUERIES: readonly { query: string; kind: BenchQueryKind }[] = [
  ...['垃圾分类', '白名单', '碧沙岗公园', '安全生产', '中原区', '老旧小区', '防汛', '招聘会', '西流湖', '非遗', '电梯', '李晓雷', '营商环境', '志愿服务', '十五条硬措施', '口袋公园'].map((query) => ({ query, kind: 'word' as const })),
  ...['燃气 检查', '社区 党建', '5月6日', '垃圾分類'].map((query) => ({ query, kind: 'terms' as const })),
  ...['安全生产调研', '中原区的营商环境', '李晓雷去了哪些企业', '三化改造大会什么时候开的', '老旧小区加装电梯', '五月六日'].map((query) => ({ query, kind: 'run-together' as const })),
  ...['lixiaolei', 'anquanshengchan'].map((query) => ({ query, kind: 'pinyin' as const })),
  ...['马素化', '刘滨'].map((query) => ({ query, kind: 'same-pinyin' as const })),
];

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** From the input method's commit to Enter: a quick reader's pause (typing intervals are 150–400 ms). */
export const PAUSE_BEFORE_ENTER_MS = 250;

export interface QueryMeasurement {
  query: string;
  kind: BenchQueryKind;
  /** The status line the page showed, e.g. 找到 12 篇包含“防汛”的报道。 */
  status: string;
  results: number;
  /** From Enter to the first results painted. */
  ms: number;
}

export interface ColdMeasurement extends QueryMeasurement {
  /** Transferred from typing to the first results on screen, as the preview server sent it. */
  bytes: number;
  /** The same, as a host that gzips text would send it. */
  gzippedBytes: number;
  requests: number;
  /** Of those, the lexicon's shards (lib/search/build/lexicon.ts): the words, pinyin and readings looked up. */
  lexiconBytes: number;
}

/**
 * A phone's first search: a fresh browser context on a 390 px screen with Chrome DevTools' "Slow 4G" (150 ms
 * added to each request, 1.6 Mbit/s down, 750 kbit/s up, set with CDP's Network.emulateNetworkConditions)
 * opens /search/?q=… — a search from another page's box, or a shared link; the clock runs from navigation to
 * the frame that paints the first result link.
 */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

export interface PhoneMeasurement {
  query: string;
  kind: BenchQueryKind;
  /** From navigation to the first result link painted. */
  ms: number;
  /** Everything transferred until then (the page, its script, the index), as the preview server sent it. */
  bytes: number;
  requests: number;
}

export interface SearchMeasurements {
  /** Per query, a phone opening the search page with the query (SLOW_4G). */
  phoneFirstSearch: PhoneMeasurement[];
  /** Per query, in a fresh context: what loads from opening the page to the first results; the time from Enter. */
  firstSearch: ColdMeasurement[];
  /** Per query, typed on a page whose index is loaded. */
  warmSearch: QueryMeasurement[];
  /** Per query, submitted the instant it is in the box, on a page whose index is loaded. */
  warmSubmittedAtOnce: QueryMeasurement[];
  /** Per query sorted over the whole archive (every part searched), in a fresh context. */
  wholeArchiveFirst: ColdMeasurement[];
  /** The same on a page whose index is loaded. */
  wholeArchiveWarm: QueryMeasurement[];
}

type Sort = 'relevance' | 'overall';

export async function measureSearch(searchUrl: string, queries = BENCH_QUERIES): Promise<SearchMeasurements> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const cold = async (sort: Sort) => {
      const measured = [];
      for (const { query, kind } of queries) measured.push(await firstSearchCost(browser, searchUrl, query, kind, sort));
      return measured;
    };
    const warm = async (sort: Sort, typed: boolean) => {
      const page = await browser.newPage();
      try {
        await page.goto(searchUrl);
        await search(page, queries[0]!.query, queries[0]!.kind, { sort, typed }); // loads Pagefind; not counted
        const measured = [];
        for (const { query, kind } of queries) measured.push(await search(page, query, kind, { sort, typed }));
        return measured;
      } finally {
        await page.close();
      }
    };
    const phone = [];
    for (const { query, kind } of queries) phone.push(await phoneFirstSearch(browser, searchUrl, query, kind));
    return {
      phoneFirstSearch: phone,
      firstSearch: await cold('relevance'),
      warmSearch: await warm('relevance', true),
      warmSubmittedAtOnce: await warm('relevance', false),
      wholeArchiveFirst: await cold('overall'),
      wholeArchiveWarm: await warm('overall', true),
    };
  } finally {
    await browser.close();
  }
}

export async function phoneFirstSearch(browser: Browser, searchUrl: string, query: string, kind: BenchQueryKind): Promise<PhoneMeasurement> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    // The page's own clock (from navigation), read in the frame after the first result link is in the page.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-search-results] a')) return;
        observer.disconnect();
        requestAnimationFrame(() => ((window as unknown as { firstResultAt: number }).firstResultAt = performance.now()));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const sizes: Promise<{ sent: number }>[] = [];
    const countRequest = (request: Request) => sizes.push(transferSizes(request));
    page.on('requestfinished', countRequest);
    await page.goto(`${searchUrl}?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    const ms = await (await page.waitForFunction(() => (window as unknown as { firstResultAt?: number }).firstResultAt, undefined, { timeout: 120_000 })).jsonValue();
    page.off('requestfinished', countRequest);
    const transferred = await Promise.all(sizes);
    return { query, kind, ms: ms as number, bytes: transferred.reduce((sum, size) => sum + size.sent, 0), requests: transferred.length };
  } finally {
    await context.close();
  }
}

async function firstSearchCost(browser: Browser, searchUrl: string, query: string, kind: BenchQueryKind, sort: Sort): Promise<ColdMeasurement> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Counted from opening the page: the search page opens the index as it opens, before anything is typed,
    // and a request made while typing counts as much as one made after Enter.
    const sizes: Promise<{ sent: number; gzipped: number; lexicon: boolean }>[] = [];
    const countRequest = (request: Request) => sizes.push(transferSizes(request));
    page.on('requestfinished', countRequest);
    await page.goto(searchUrl, { waitUntil: 'load' });
    const measured = await search(page, query, kind, { sort, typed: true });
    // Requests that finish after the results are on screen are not part of the cost (and would be read
    // after the context is closed).
    page.off('requestfinished', countRequest);
    const transferred = await Promise.all(sizes);
    return {
      ...measured,
      bytes: transferred.reduce((sum, size) => sum + size.sent, 0),
      gzippedBytes: transferred.reduce((sum, size) => sum + size.gzipped, 0),
      requests: transferred.length,
      lexiconBytes: transferred.filter((size) => size.lexicon).reduce((sum, size) => sum + size.gzipped, 0),
    };
  } finally {
    await context.close();
  }
}

/**
 * Bytes as sent by the preview server (which compresses nothing), and as a host that gzips text would send
 * them (GitHub Pages, nginx with gzip on): Pagefind's index files are compressed already, its scripts are not.
 */
async function transferSizes(request: Request): Promise<{ sent: number; gzipped: number; lexicon: boolean }> {
  const size = await request.sizes();
  const sent = size.responseBodySize + size.responseHeadersSize;
  const lexicon = new URL(request.url()).pathname.includes('/pagefind/lexicon/');
  const response = await request.response();
  const type = response?.headers()['content-type'] ?? '';
  if (!response || !/javascript|json|css|html|text/.test(type)) return { sent, gzipped: sent, lexicon };
  const body = await response.body().catch(() => undefined);
  return { sent, gzipped: body ? gzipSync(body).length + size.responseHeadersSize : sent, lexicon };
}

/**
 * One reader's search: waits until the page has finished the last search (the reader reads its results),
 * chooses the sort, types `query` (or, with `typed: false`, puts it in the box without an input event),
 * pauses, presses Enter, and resolves when the status line reports this query's results and they are painted.
 */
async function search(page: Page, query: string, kind: BenchQueryKind, { sort, typed }: { sort: Sort; typed: boolean }): Promise<QueryMeasurement> {
  await page.waitForFunction(() => !document.querySelector('[data-search-results]')?.hasAttribute('aria-busy'));
  await page.evaluate((value) => {
    const select = document.querySelector<HTMLSelectElement>('[data-search-form] select[name="sort"]')!;
    select.value = value;
  }, sort);
  if (typed) {
    // Like an input method's commit: the whole word at once, with an input event.
    await page.locator('[data-search-form] input[name="q"]').fill(query);
    await page.waitForTimeout(PAUSE_BEFORE_ENTER_MS);
  }
  const outcome = await page.evaluate(async (text) => {
    const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
    const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
    const status = document.querySelector<HTMLElement>('[data-search-status]')!;
    input.value = text;
    const started = performance.now();
    const finished = new Promise<void>((resolve) => {
      const done = () => (status.textContent ?? '').includes(`“${text}”`) && /找到/.test(status.textContent ?? '');
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    form.requestSubmit();
    await finished;
    // Rendered: wait for the frame that paints the results.
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    return {
      ms: performance.now() - started,
      status: status.textContent ?? '',
      results: document.querySelectorAll('.search-result').length,
    };
  }, query);
  return { query, kind, ...outcome };
}
