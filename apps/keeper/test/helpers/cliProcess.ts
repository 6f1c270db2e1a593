import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built CLI (`pnpm build` first; turbo's test task depends on the build). */
export const CLI_PATH = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** A keeper CLI child process. */
export interface KeeperProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal) once it exited. */
  exited: Promise<number | string>;
  /** SIGKILL: no cleanup at all, as a crash or `kill -9`. */
  kill(): Promise<number | string>;
}

const spawned = new Set<ChildProcess>();

/** Kills (SIGKILL) every keeper process the tests spawned that is still running: call in `afterAll`. */
export function killSpawnedKeepers(): void {
  for (const child of spawned)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  spawned.clear();
}

/** Spawns `bastion-keeper` with `env` (BASTION_KEEPER_* variables) and `args`. */
export function spawnKeeper(env: Record<string, string>, args: string[] = []): KeeperProcess {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  return {
    child,
    output: () => output,
    exited,
    kill() {
      child.kill("SIGKILL");
      return exited;
    },
  };
}
