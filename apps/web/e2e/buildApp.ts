import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Runs `vite build` for apps/web into `outDir` in a child process and waits for it. */
export async function buildApp(appDir: string, outDir: string): Promise<void> {
  const viteBin = join(
    dirname(createRequire(import.meta.url).resolve("vite/package.json")),
    "bin",
    "vite.js",
  );
  const child = spawn(
    process.execPath,
    [viteBin, "build", "--logLevel", "warn", "--outDir", outDir, "--emptyOutDir"],
    {
      cwd: appDir,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const code = await new Promise<number | null>((resolveExit, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolveExit(exitCode));
  });
  if (code !== 0) throw new Error(`vite build failed (exit code ${code}); the e2e tests need a built app`);
}
