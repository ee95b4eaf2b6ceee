import { defineConfig } from 'vitest/config';

// Test tiers (see README): unit = everything on PGlite, pg = the same suites on
// PostgreSQL (TEST_DATABASE_URL), e2e = Playwright in Debian's Chromium.
//
// unit and pg reuse their workers (`isolate: false`): a worker imports the server once and
// keeps one migrated database and one app for every file it runs (src/test/app.ts); each
// file works in delegations of its own. Two workers use both cores of the CI machine.
// Why, with the times measured: docs/decisions/015-shared-test-database-per-worker.md.
const shared = {
  globalSetup: ['src/test/global-setup.ts'],
  setupFiles: ['src/test/setup.ts'],
  testTimeout: 30_000,
  // A worker's first file also opens the shared database and, for the demo, fills its template.
  hookTimeout: 120_000,
  isolate: false,
};

export default defineConfig({
  test: {
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.smoke.test.ts'],
          ...shared,
        },
      },
      // Only with a PostgreSQL to run on: `npx vitest run some.test.ts` then runs the file once.
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                name: 'pg',
                include: ['src/**/*.test.ts'],
                exclude: ['src/**/*.unit.test.ts', 'src/**/*.smoke.test.ts'],
                ...shared,
              },
            },
          ]
        : []),
      // A production start on an empty database (seconds of migrations and demo loading).
      // `.ci/run node24` runs it with the files of .ci/node24-smoke.txt, on both databases.
      {
        test: {
          name: 'smoke',
          include: ['src/**/*.smoke.test.ts'],
          ...shared,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          // One server and one database for the run; each file its own accounts (e2e/fixtures.ts).
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
