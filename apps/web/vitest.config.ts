import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setupTests.ts"],
    // Component tests render the whole shell; a loaded 2-core machine needs room.
    testTimeout: 30_000,
  },
});
