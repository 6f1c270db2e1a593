#!/usr/bin/env node
// The README's two commands on a fresh clone with only Node 20 and npm:
//   npm start  ->  node scripts/run.mjs start   (build, then bring up the local exchange)
//   npm test   ->  node scripts/run.mjs test    (the whole test suite)
// It installs the workspace with the pnpm version pinned in package.json. When that pnpm is not on
// the PATH, it is installed from the npm registry into .tools/ (nothing global) and put on the PATH
// of everything started from here, since turbo runs each package's scripts through pnpm.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const command = process.argv[2];
const rest = process.argv.slice(3);
if (command !== "start" && command !== "test") {
  console.error("usage: node scripts/run.mjs start|test [arguments for the command]");
  process.exit(2);
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Bastion needs Node.js >= 20.19; this is ${process.version}.`);
  process.exit(1);
}

const pnpmVersion = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];
const windows = process.platform === "win32";
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };

function versionOf(executable) {
  const probe = spawnSync(executable, ["--version"], { encoding: "utf8", shell: windows, env });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

function runOrExit(executable, args, what) {
  const result = spawnSync(executable, args, { cwd: root, stdio: "inherit", shell: windows, env });
  if (result.status !== 0) {
    console.error(
      `\n${what} failed (${executable} ${args.join(" ")} exited with ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
}

if (versionOf("pnpm") !== pnpmVersion) {
  const tools = join(root, ".tools");
  const toolsBin = join(tools, "node_modules", ".bin");
  if (versionOf(join(toolsBin, "pnpm")) !== pnpmVersion) {
    console.error(`Installing pnpm ${pnpmVersion} into .tools/ (from the npm registry)...`);
    runOrExit(
      "npm",
      ["install", "--prefix", tools, "--no-save", "--no-audit", "--no-fund", `pnpm@${pnpmVersion}`],
      "Installing pnpm",
    );
  }
  env.PATH = `${toolsBin}${delimiter}${env.PATH ?? ""}`;
}

runOrExit(
  "pnpm",
  ["install", "--frozen-lockfile", "--prefer-offline", "--reporter=append-only"],
  "Installing dependencies",
);

const turbo = join(root, "node_modules", ".bin", windows ? "turbo.cmd" : "turbo");
if (!existsSync(turbo)) {
  console.error(`turbo is missing at ${turbo} after the install.`);
  process.exit(1);
}

if (command === "test") {
  runOrExit(turbo, ["run", "test", "test:e2e", ...rest], "The test suite");
  process.exit(0);
}

runOrExit(turbo, ["run", "build", "--filter=@bastion/localnet...", "--output-logs=errors-only"], "Building");
// The local exchange runs in the foreground; Ctrl-C reaches it directly (same process group), and
// this process waits for it to stop everything and exits with its code.
const exchange = spawn(process.execPath, [join(root, "apps", "localnet", "dist", "start.js"), ...rest], {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => {});
exchange.on("exit", (code, signal) =>
  process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1)),
);
