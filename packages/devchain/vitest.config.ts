import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Tests spawn real anvil processes: allow for a slow, busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
