import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // The build tests run real `astro build`s; one at a time keeps them within two cores.
    fileParallelism: false,
    // Tests a file marks concurrent (independent builds, each in child processes) run two at a time: one per core.
    maxConcurrency: 2,
    // Room for a busy machine; no test measures time.
    testTimeout: 30_000,
  },
});
