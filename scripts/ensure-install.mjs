#!/usr/bin/env node
// First step of `npm start` and `npm test` on a fresh clone with only Node 20 and npm:
// installs the workspace with the pnpm version pinned in package.json (fetched from the npm
// registry through npx when pnpm is not installed), from the committed lockfile.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Bastion needs Node.js >= 20.19; this is ${process.version}.`);
  process.exit(1);
}

const { packageManager } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const pnpmSpec = packageManager; // e.g. "pnpm@10.34.8"
const pnpmVersion = pnpmSpec.split("@")[1];

function localPnpmVersion() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

const installArgs = ["install", "--frozen-lockfile", "--prefer-offline", "--reporter=append-only"];
const [command, args] =
  localPnpmVersion() === pnpmVersion ? ["pnpm", installArgs] : ["npx", ["--yes", pnpmSpec, ...installArgs]];

const result = spawnSync(command, args, {
  stdio: ["ignore", "inherit", "inherit"],
  shell: process.platform === "win32",
});
if (result.status !== 0) {
  console.error(
    `\nInstalling dependencies failed (${command} ${args.join(" ")} exited with ${result.status}).`,
  );
  process.exit(result.status ?? 1);
}
