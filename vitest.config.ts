import { defineConfig } from "vitest/config";

// `unit` is pure and fast. `integration` and `e2e` start the real runtime (one wrangler dev: the
// Worker and its Durable Objects; and Chromium) per test file. Files run one at a time, across
// projects too: the machine has two cores, and a starved runtime makes timing flaky for no gain.
export default defineConfig({
  test: {
    maxWorkers: 1,
    projects: [
      {
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
