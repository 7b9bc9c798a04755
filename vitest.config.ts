import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __LOKET_VERSION__: 'undefined' },
  test: {
    // 2 cores here: keep workers few so SQLite and Chromium tests do not starve each other.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
