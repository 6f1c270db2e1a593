import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // End-to-end files each start an anvil, a price service and keepers: forks, two at a time on a
    // 2-core machine, with generous timeouts (assertions poll for conditions, never for durations).
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
