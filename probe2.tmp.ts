import { chromium } from '@playwright/test';
import { startPreview } from './src/cli/preview-server.ts';
const dir = process.argv[2]!;
const server = await startPreview({ ...process.env, OUT_DIR: dir });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/search/`);
  const out = await page.evaluate(async (noWorker) => {
    const pf = await import('/pagefind/pagefind.js');
    const m = await (await fetch('/pagefind/parts.json')).json();
    await pf.options({ noWorker });
    await pf.init();
    await pf.options({ mergeFilter: { part: m.parts[0].name } });
    for (const p of m.parts.slice(1, 6)) await pf.mergeIndex('/pagefind/' + p.path, { mergeFilter: { part: p.name } });
    const names = m.parts.slice(0, 6).map((p: any) => p.name);
    const log: string[] = [];
    for (const q of ['中原区', '白名单', '安全生产', '防汛', '电梯', '白名单']) {
      const t0 = performance.now();
      const r = await pf.search(q, { filters: { part: { any: names } } });
      const t1 = performance.now();
      const d1 = await Promise.all(r.results.slice(0, 10).map((x: any) => x.data()));
      const t2 = performance.now();
      const d2 = await Promise.all(r.results.slice(10, 20).map((x: any) => x.data()));
      const t3 = performance.now();
      log.push(`${q}: ${r.results.length} results; search ${(t1 - t0).toFixed(0)} ms, data10 ${(t2 - t1).toFixed(0)} ms, data10 ${(t3 - t2).toFixed(0)} ms`);
    }
    return log;
  }, process.argv[3] === 'worker' ? false : true);
  console.log(out.join('\n'));
} finally { await browser.close(); await server.stop(); }
