/**
 * `npm run build`: builds the site into dist/ (or OUT_DIR) with buildSite (src/build/build-site.ts), which
 * replaces the output only when the whole build succeeded.
 */
import { existsSync } from 'node:fs';
import { buildSite } from '../build/build-site.ts';

if (import.meta.main) {
  const result = await buildSite({ stdio: 'inherit' }).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
  if (!result.ok) {
    const kept = existsSync(result.outDir) ? `，${result.outDir} 仍是上一次成功构建的网站` : '';
    console.error(`\n构建失败，没有写入任何网页${kept}。`);
  }
  process.exit(result.ok ? 0 : (result.status ?? 1));
}
