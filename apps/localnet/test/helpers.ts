import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "@bastion/devchain";
import { DEFAULT_WEB_DIST } from "../src/web/webDist.js";

/** The built web app when it exists, else a one-page fixture (the server is what is tested). */
export const TEST_WEB_DIST = existsSync(join(DEFAULT_WEB_DIST, "index.html"))
  ? DEFAULT_WEB_DIST
  : join(import.meta.dirname, "fixtures", "web-dist");

export const FIXTURES = join(import.meta.dirname, "fixtures");

/** Polls `check` every `intervalMs` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Whether a process exists (signal 0). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Every descendant of `pid` (Linux `/proc`), children first. */
export function descendantPids(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid ...: comm may contain spaces, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // the process exited while listing
    }
  }
  const result: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const [child, ppid] of parentOf) {
      if (ppid === parent) {
        result.push(child);
        queue.push(child);
      }
    }
  }
  return result;
}

/** The web app's own config.json schema (apps/web/src/config/appConfigSchema.ts), loaded at run time. */
export async function loadWebConfigSchema(): Promise<{
  safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } };
}> {
  const path = join(REPO_ROOT, "apps", "web", "src", "config", "appConfigSchema.ts");
  const module = (await import(pathToFileURL(path).href)) as {
    appConfigSchema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } } };
  };
  return module.appConfigSchema;
}
