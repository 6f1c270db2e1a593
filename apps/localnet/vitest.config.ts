import { defineConfig } from "vitest/config";

// Each test file runs a whole local exchange (anvil, price service, keeper): one file at a time, so
// two stacks do not compete for the CPU. Tests poll for conditions; the timeouts are only upper bounds.
export default defineConfig({
  test: { testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false },
});
