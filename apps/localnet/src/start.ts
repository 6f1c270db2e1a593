#!/usr/bin/env node
// `pnpm --filter @bastion/localnet start` (the last step of the root `npm start`): builds the web app
// through turbo (cached after the first run; `@bastion/web` cannot be a dependency of this package,
// see README), then runs the CLI in this same process, so Ctrl-C reaches it directly.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "@bastion/devchain";

const args = process.argv.slice(2);
if (!args.includes("--no-web") && !args.includes("--help") && !args.includes("-h")) {
  const local = join(REPO_ROOT, "node_modules", ".bin", "turbo");
  const turbo = existsSync(local) ? local : "turbo";
  process.stderr.write("bastion-localnet: building the web app (turbo, cached after the first run)...\n");
  const result = spawnSync(turbo, ["run", "build", "--filter=@bastion/web", "--output-logs=errors-only"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) {
    process.stderr.write(
      `bastion-localnet: building the web app failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}); ` +
        "fix it, or start without it: --no-web\n",
    );
    process.exit(1);
  }
}
await import("./cli.js");
