import { fileURLToPath } from "node:url";

/** apps/web */
export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
/**
 * The e2e tests' own build of the app (not `dist/`, which `pnpm build`, turbo or the local exchange
 * may rebuild while the tests run: a build empties its directory first).
 */
export const DIST_DIR = fileURLToPath(new URL("../artifacts/e2e-dist", import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL("../artifacts/screenshots", import.meta.url));
