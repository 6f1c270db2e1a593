import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildApp } from "./buildApp";
import { assertChromiumInstalled } from "./chromium";
import { APP_DIR, DIST_DIR } from "./paths";

/**
 * Before any e2e test: fail at once, with the fix, when Chromium is missing (never skip), then
 * build the app (into artifacts/e2e-dist) so the tests run against what would be deployed.
 * E2E_SKIP_BUILD=1 reuses that build.
 */
export default async function setup() {
  try {
    assertChromiumInstalled();
  } catch (error) {
    // Vitest reports no test counts when setup fails: say what happened in the summary form too.
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.stdout.write("\ne2e: 0 passed, 1 failed\n");
    throw error;
  }
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(join(DIST_DIR, "index.html"))) return;
  await buildApp(APP_DIR, DIST_DIR);
}
