/**
 * Serves every test site of the registry (tests/sites.ts) for the Playwright run, each on its own port, all
 * started at once: Playwright starts the servers of a config's `webServer` list one after another, and six
 * `astro preview` processes started in turn cost 13 s before the first test. Prints one line when every site
 * is served (playwright.config.ts waits for it). When one server exits, it says which and stops them all, so
 * that the run fails at once rather than test by test. Playwright ends it by killing its process group, its
 * servers included; stopped by a signal (run by hand), it stops the servers started so far.
 *
 *   node tests/serve-sites.ts
 */
import { startPreview, type PreviewServer } from '../src/preview/preview-server.ts';
import { previewEnv, servedOrigin, servedPort, TEST_SITES } from './sites.ts';

export const SERVED_LINE = 'test sites served:';

async function main(): Promise<void> {
  const servers: PreviewServer[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    stopping = true;
    await Promise.all(servers.map((server) => server.stop()));
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll(0));

  const started = await Promise.allSettled(
    TEST_SITES.map(async (site) => {
      const server = await startPreview({ ...process.env, ...previewEnv(site) }, servedPort(site));
      servers.push(server);
      void server.exited.then((code) => {
        if (stopping) return;
        console.error(`the preview server of the test site “${site.name}” exited (code ${code}); stopping the others`);
        void stopAll(1);
      });
    }),
  );
  const failed = started.flatMap((result, index) => (result.status === 'rejected' ? [`${TEST_SITES[index]!.name}: ${String(result.reason?.message ?? result.reason)}`] : []));
  if (failed.length) {
    console.error(`could not serve the test sites:\n  ${failed.join('\n  ')}`);
    await stopAll(1);
  }
  console.log(`${SERVED_LINE} ${TEST_SITES.map((site) => `${site.name} ${servedOrigin(site)}${site.basePath}`).join(', ')}`);
}

if (import.meta.main) await main();
