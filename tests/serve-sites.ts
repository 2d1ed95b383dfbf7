/**
 * Serves every test site of the registry (tests/sites.ts) for the Playwright run, each on its own port, all
 * started at once: Playwright starts the servers of a config's `webServer` list one after another, and six
 * `astro preview` processes started in turn cost 13 s before the first test. Prints one line when every site
 * is served (playwright.config.ts waits for it) and stops them all when stopped.
 *
 *   node tests/serve-sites.ts
 */
import { startPreview } from '../src/preview/preview-server.ts';
import { previewEnv, servedOrigin, servedPort, TEST_SITES } from './sites.ts';

export const SERVED_LINE = 'test sites served:';

async function main(): Promise<void> {
  const started = await Promise.allSettled(TEST_SITES.map((site) => startPreview({ ...process.env, ...previewEnv(site) }, servedPort(site))));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stopAll = () => Promise.all(servers.map((server) => server.stop()));
  const failed = started.flatMap((result, index) => (result.status === 'rejected' ? [`${TEST_SITES[index]!.name}: ${String(result.reason?.message ?? result.reason)}`] : []));
  if (failed.length) {
    await stopAll();
    throw new Error(`could not serve the test sites:\n  ${failed.join('\n  ')}`);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().then(() => process.exit(0)));
  console.log(`${SERVED_LINE} ${TEST_SITES.map((site) => `${site.name} ${servedOrigin(site)}${site.basePath}`).join(', ')}`);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
