import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { descendantPids, isAlive, TEST_WEB_DIST, waitFor } from "./helpers.js";

const CLI = join(import.meta.dirname, "..", "dist", "cli.js");
const FREE_PORTS = [
  "--chain-port",
  "0",
  "--price-port",
  "0",
  "--web-port",
  "0",
  "--keeper-metrics-port",
  "0",
];

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(args: readonly string[]): Run {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, BASTION_WEB_DIST: TEST_WEB_DIST },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

describe("bastion-localnet (CLI)", () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it("--help lists the options", () => {
    const result = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    for (const option of [
      "--chain-port",
      "--price-port",
      "--web-port",
      "--keeper-metrics-port",
      "--host",
      "--replay",
      "--speed",
      "--seed",
      "--no-web",
      "--no-keeper",
      "--crash",
      "--crash-btc",
      "--traders",
    ]) {
      expect(result.stdout).toContain(option);
    }
  });

  it("rejects a bad port with usage", () => {
    const result = spawnSync(process.execPath, [CLI, "--chain-port", "80000"], { encoding: "utf8" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('"80000" is not a TCP port');
  });

  it("says which port is taken, and starts nothing", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    cleanup.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const address = blocker.address();
    const taken = typeof address === "object" && address !== null ? address.port : 0;
    const cli = run([...FREE_PORTS, "--chain-port", String(taken)]);
    cleanup.push(() => void cli.child.kill("SIGKILL"));
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain(
      `port ${taken} on 127.0.0.1 (chain RPC) is already in use; choose another with --chain-port <port>`,
    );
    expect(cli.stderr()).not.toContain("starting the chain");
  });

  it("Ctrl-C stops everything and exits 0, leaving no anvil or keeper process", async () => {
    const cli = run(FREE_PORTS);
    cleanup.push(() => void cli.child.kill("SIGKILL"));
    await waitFor(
      "the local exchange to be up",
      () => (cli.stdout().includes("Press Ctrl-C to stop.") ? true : undefined),
      180_000,
    );
    const pid = cli.child.pid;
    if (pid === undefined) throw new Error("no pid");
    const children = descendantPids(pid);
    expect(children.length).toBeGreaterThan(0); // anvil (the keeper runs inside the CLI's process)
    const rpcUrl = /Chain RPC\s+(\S+)/.exec(cli.stdout())?.[1];
    expect(rpcUrl).toBeDefined();

    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    expect(cli.stderr()).toContain("SIGINT: stopping the local exchange");
    for (const child of children) expect(isAlive(child)).toBe(false);
    await expect(fetch(rpcUrl ?? "", { method: "POST" })).rejects.toThrow();
  });
});
