/**
 * What a reader's search costs on the served site, measured in headless Chromium through the real search
 * page: the bytes transferred from pressing Enter until the first results are on screen (a new browser
 * context each time, so nothing is cached), and the time from submitting a query to rendered results once
 * the index is loaded ("warm": later queries on the same page, which may still fetch index chunks).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';

/** Queries a reader of a district paper types: places, policies, people, dates, two words, traditional script. */
export const BENCH_QUERIES = [
  '垃圾分类',
  '白名单',
  '碧沙岗公园',
  '安全生产',
  '中原区',
  '老旧小区',
  '防汛',
  '招聘会',
  '西流湖',
  '非遗',
  '电梯',
  '李晓雷',
  '营商环境',
  '志愿服务',
  '十五条硬措施',
  '口袋公园',
  '燃气 检查',
  '社区 党建',
  '5月6日',
  '垃圾分類',
];

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export interface QueryMeasurement {
  query: string;
  /** The status line the page showed, e.g. 找到 12 篇包含“防汛”的报道。 */
  status: string;
  results: number;
}

export interface SearchMeasurements {
  /** Per query, in a fresh context: bytes from Enter to rendered results, and the time it took. */
  firstSearch: (QueryMeasurement & { bytes: number; gzippedBytes: number; requests: number; ms: number })[];
  /** Per query, on a page whose index is loaded: time from submit to rendered results. */
  warmSearch: (QueryMeasurement & { ms: number })[];
}

export async function measureSearch(searchUrl: string, queries = BENCH_QUERIES): Promise<SearchMeasurements> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const firstSearch = [];
    for (const query of queries) firstSearch.push(await firstSearchCost(browser, searchUrl, query));
    const page = await browser.newPage();
    await page.goto(searchUrl);
    await timedSearch(page, queries[0]!); // loads Pagefind; not counted
    const warmSearch = [];
    for (const query of queries) warmSearch.push(await timedSearch(page, query));
    return { firstSearch, warmSearch };
  } finally {
    await browser.close();
  }
}

async function firstSearchCost(browser: Browser, searchUrl: string, query: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(searchUrl, { waitUntil: 'load' });
    // Pagefind fetches from a Web Worker; Playwright reports the worker's requests as the page's.
    const sizes: Promise<{ sent: number; gzipped: number }>[] = [];
    const countRequest = (request: Request) => sizes.push(transferSizes(request));
    page.on('requestfinished', countRequest);
    const measured = await timedSearch(page, query);
    // Requests that finish after the results are on screen are not part of the cost (and would be read
    // after the context is closed).
    page.off('requestfinished', countRequest);
    const transferred = await Promise.all(sizes);
    return {
      ...measured,
      bytes: transferred.reduce((sum, size) => sum + size.sent, 0),
      gzippedBytes: transferred.reduce((sum, size) => sum + size.gzipped, 0),
      requests: transferred.length,
    };
  } finally {
    await context.close();
  }
}

/**
 * Bytes as sent by the preview server (which compresses nothing), and as a host that gzips text would send
 * them (GitHub Pages, nginx with gzip on): Pagefind's index files are compressed already, its scripts are not.
 */
async function transferSizes(request: Request): Promise<{ sent: number; gzipped: number }> {
  const size = await request.sizes();
  const sent = size.responseBodySize + size.responseHeadersSize;
  const response = await request.response();
  const type = response?.headers()['content-type'] ?? '';
  if (!response || !/javascript|json|css|html|text/.test(type)) return { sent, gzipped: sent };
  const body = await response.body().catch(() => undefined);
  return { sent, gzipped: body ? gzipSync(body).length + size.responseHeadersSize : sent };
}

/** Submits `query` in the page and resolves when the status line reports this query's results. */
async function timedSearch(page: Page, query: string): Promise<QueryMeasurement & { ms: number }> {
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
  return { query, ...outcome };
}
