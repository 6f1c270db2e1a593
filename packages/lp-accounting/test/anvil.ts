import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** A running anvil process. */
export interface AnvilInstance {
  /** HTTP JSON-RPC endpoint. */
  readonly rpcUrl: string;
  /** Port it listens on (127.0.0.1). */
  readonly port: number;
  /** Terminates the process and waits for it to exit. */
  stop(): Promise<void>;
}

/** The anvil the contracts workspace installs; `ANVIL_BIN` overrides it. */
const ANVIL_BIN =
  process.env.ANVIL_BIN ??
  fileURLToPath(new URL("../../../contracts/node_modules/.bin/anvil", import.meta.url));

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns anvil on a free port and resolves once it listens. Tests stop it in `afterAll`.
 *
 * @param extraArgs - more anvil flags, e.g. `["--block-time", "1"]`.
 */
export async function startAnvil(extraArgs: readonly string[] = []): Promise<AnvilInstance> {
  const port = await getFreePort();
  const child = spawn(ANVIL_BIN, ["--host", "127.0.0.1", "--port", String(port), ...extraArgs], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitUntilListening(child, port);
  return {
    rpcUrl: `http://127.0.0.1:${port}`,
    port,
    stop: () => stopProcess(child),
  };
}

function waitUntilListening(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`anvil did not listen on port ${port} within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(`Listening on 127.0.0.1:${port}`)) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        // Keep draining so a full pipe never blocks anvil.
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`anvil exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceKill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(forceKill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
