import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Anvil-backed tests spawn processes and mine blocks: give a slow, shared 2-core machine room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
