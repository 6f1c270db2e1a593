import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";

export type RunningAnvil = { rpcUrl: string; stop: () => Promise<void> };

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode} before answering`);
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`anvil did not answer at ${rpcUrl} within ${timeoutMs} ms: ${String(lastError)}`);
}

/**
 * Starts a real anvil (from the @foundry-rs/anvil npm package) on a free port. `args` go to
 * anvil as they are, e.g. `["--mnemonic", "..."]`. Always call `stop()`.
 */
export async function startAnvil(args: readonly string[] = []): Promise<RunningAnvil> {
  const port = await freePort();
  const binPath = createRequire(import.meta.url).resolve("@foundry-rs/anvil/bin.mjs");
  const child = spawn(process.execPath, [binPath, "--port", String(port), "--silent", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitForRpc(rpcUrl, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rpcUrl, stop };
}
