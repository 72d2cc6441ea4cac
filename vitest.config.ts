import { defineConfig } from "vitest/config";

// Three projects, run one group after another (`sequence.groupOrder`):
// - `unit` first: pure and fast, its files in parallel (threads sharing their module cache);
// - `integration` next: each file starts the real runtime (one wrangler dev: the Worker and its
//   Durable Objects), one file at a time;
// - `e2e` last: Chromium against the real runtime, one file at a time.
// Two runtimes (or a runtime and Chromium) at once on this 2-core machine would make timing flaky
// for no gain, hence the order and the serial files; unit files have no such contention.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          sequence: { groupOrder: 0 },
          // Worker threads that keep their module cache from file to file: a unit file then costs
          // its tests, not a fresh import of zod, the templates and the room (about 18 s → 6 s on
          // this machine). So a unit test must leave no global state behind: fake timers restored,
          // no module-level value changed.
          pool: "threads",
          isolate: false,
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          sequence: { groupOrder: 1 },
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
          sequence: { groupOrder: 2 },
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
