import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Two files at a time, one per core: a build test's builds leave a core idle while they wait on the disk,
    // the indexer's processes and the preview server, and the unit files fill the gaps.
    fileParallelism: true,
    maxWorkers: 2,
    // Tests a file marks concurrent (independent builds, each in child processes) run two at a time: one per core.
    maxConcurrency: 2,
    // Room for a busy machine; no test measures time.
    testTimeout: 30_000,
  },
});
