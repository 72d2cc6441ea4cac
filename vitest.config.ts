import { defineConfig } from "vitest/config";

// Two projects: `unit` is pure and fast; `integration` starts the real runtimes
// (partykit dev + wrangler dev) once in a globalSetup and talks to them over loopback.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
    ],
  },
});
