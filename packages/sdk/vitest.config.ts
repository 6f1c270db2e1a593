import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Every test file starts its own anvil (a devchain): forks, two at a time on a 2-core machine.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
