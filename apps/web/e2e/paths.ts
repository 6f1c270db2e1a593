import { fileURLToPath } from "node:url";

/** apps/web */
export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
export const DIST_DIR = fileURLToPath(new URL("../dist", import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL("../artifacts/screenshots", import.meta.url));
