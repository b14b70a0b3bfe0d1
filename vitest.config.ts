// Three projects: pure unit tests, API tests against a real server, end-to-end tests in Chromium.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default (one fewer than the cores) is a single file at a time on a 2-core machine; API test files wait
    // on their servers and scrypt often enough that two at a time keep both cores busy. Browser files still run one
    // at a time (fileParallelism below): Chromium's software WebGL keeps both cores busy on its own.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Every project, and the servers tests spawn, hash passwords at the cheapest cost the server accepts: a sign-in
    // then costs ~4 ms of CPU instead of ~130 ms (Django's test settings swap in a fast hasher for the same reason).
    // CATCHMENT_SCRYPT_COST=15 npm test runs them at the production cost.
    env: { CATCHMENT_SCRYPT_COST: process.env.CATCHMENT_SCRYPT_COST ?? '10' },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/domain/**/*.test.ts',
            'test/client/**/*.test.ts',
            'test/arch/**/*.test.ts',
            'test/scripts/**/*.test.ts',
          ],
          environment: 'node',
          // npm test runs these beside the browser tests (scripts/run-tests.ts), so a file scan may wait for a core.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          // Files share a worker's module cache instead of each importing the server's whole module graph again.
          isolate: false,
          testTimeout: 30_000,
          // A file's beforeAll may seed a large demo city for the run's template (test/helpers/demo-template.ts).
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/shared-browser.ts'],
          environment: 'node',
          // As for the API tests: the files share a worker's module cache (the server's graph, Playwright) instead of
          // each importing it again, which cost over a second a file. Each file closes what it opened in afterAll.
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
