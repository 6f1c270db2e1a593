import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags for Debian's Chromium on a machine with no network but loopback: without the
 * background-networking ones Chromium keeps dialling Google's hosts and logging failures.
 */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

/** Why the e2e tests cannot run, with the command that fixes it. */
export function missingChromiumMessage(path: string): string {
  return [
    `Chromium was not found at ${path}, so the end-to-end tests cannot run.`,
    "Install Debian's Chromium with:",
    "  bash .ci/install-chromium.sh        (from the repository root; runs apt-get install -y chromium)",
    "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  ].join("\n");
}

/** Throws a clear, actionable error when the Chromium binary is missing. */
export function assertChromiumInstalled(path = chromiumPath()): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(missingChromiumMessage(path));
  }
}

export type Viewport = { name: string; width: number; height: number; mobile: boolean };

export const DESKTOP: Viewport = { name: "desktop", width: 1280, height: 800, mobile: false };
export const PHONE: Viewport = { name: "phone", width: 375, height: 812, mobile: true };

export type ChromiumSession = { context: BrowserContext; page: Page; close: () => Promise<void> };

/**
 * Starts Debian's Chromium through playwright-core with a fresh, empty --user-data-dir (deleted
 * again by `close()`), sized as `viewport`. One session per test keeps tests independent.
 */
export async function launchChromium(viewport: Viewport = DESKTOP): Promise<ChromiumSession> {
  const executablePath = chromiumPath();
  assertChromiumInstalled(executablePath);
  const userDataDir = await mkdtemp(join(tmpdir(), "bastion-e2e-profile-"));
  let context: BrowserContext;
  try {
    // Playwright passes userDataDir to Chromium as --user-data-dir.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      chromiumSandbox: false,
      args: [...CHROMIUM_FLAGS],
      viewport: { width: viewport.width, height: viewport.height },
      isMobile: viewport.mobile,
      hasTouch: viewport.mobile,
      timeout: 120_000,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  // A loaded 2-core machine can be slow: wait generously for conditions, never for fixed times.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
