import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Some tests run a real anvil and wait for wall-clock seconds: be generous on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
