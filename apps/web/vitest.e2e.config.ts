import { defineConfig } from "vitest/config";

/** End-to-end tests: the built app in Debian's Chromium, driven by playwright-core. */
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/globalSetup.ts"],
    // One Chromium at a time: a 2-core machine runs them faster in sequence than in parallel.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
    reporters: ["default", "./e2e/summaryReporter.ts"],
  },
});
