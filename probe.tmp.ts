import { chromium } from '@playwright/test';
import { startPreview } from './src/cli/preview-server.ts';
const dir = process.argv[2]!;
const server = await startPreview({ ...process.env, OUT_DIR: dir });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const q of (process.argv[3] ?? '中原区,十五条硬措施').split(',')) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/search/`);
    const cats: Record<string, [number, number]> = {};
    page.on('requestfinished', async (r) => {
      const s = await r.sizes();
      const u = new URL(r.url()).pathname;
      const c = u.endsWith('.pf_index') ? 'index' : u.endsWith('.pf_fragment') ? 'fragment' : u.endsWith('.pf_meta') ? 'meta' : u.endsWith('.pf_filter') ? 'filter' : u.split('/').pop()!;
      cats[c] ??= [0, 0]; cats[c][0] += s.responseBodySize; cats[c][1] += 1;
    });
    await page.locator('#q').fill(q); 
    const t0 = Date.now();
    await page.locator('#q').press('Enter');
    await page.waitForFunction(() => /找到/.test(document.querySelector('[data-search-status]')!.textContent!));
    const first = Date.now() - t0;
    await page.waitForTimeout(300);
    console.log(q, first, 'ms', JSON.stringify(Object.fromEntries(Object.entries(cats).map(([k, [b, n]]) => [k, `${(b / 1024).toFixed(0)}KB/${n}`]))));
    // warm: profile
    for (const w of ['白名单', '安全生产', '防汛']) {
      const r = await page.evaluate(async (text) => {
        const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
        const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
        const status = document.querySelector<HTMLElement>('[data-search-status]')!;
        input.value = text;
        const t = performance.now();
        const done = new Promise<void>((res) => { const o = new MutationObserver(() => { if ((status.textContent ?? '').includes(`“${text}”`) && /找到/.test(status.textContent ?? '')) { o.disconnect(); res(); } }); o.observe(status, { childList: true, characterData: true, subtree: true }); });
        form.requestSubmit(); await done; return performance.now() - t;
      }, w);
      console.log('  warm', w, r.toFixed(0), 'ms');
    }
    await ctx.close();
  }
} finally { await browser.close(); await server.stop(); }
