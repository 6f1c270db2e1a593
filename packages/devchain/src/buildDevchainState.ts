import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Deployment, parseDeployment } from "@bastion/contracts";
import { startAnvil } from "./anvil.js";
import { DEV_ACCOUNTS } from "./devAccounts.js";
import { resolveFoundryBinary } from "./foundryBinary.js";
import { installMulticall3 } from "./multicall3.js";

/** The repository root (this file sits at packages/devchain/{src,dist}/). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** Where the built local chain lives. */
export const DEVCHAIN_STATE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "state");
export const DEVCHAIN_STATE_FILE = join(DEVCHAIN_STATE_DIR, "anvil-state.json");
export const DEVCHAIN_DEPLOYMENT_FILE = join(DEVCHAIN_STATE_DIR, "deployment.json");

/** Thrown when the deploy script fails while building the local chain. */
export class DeployScriptError extends Error {
  override name = "DeployScriptError";
}

/**
 * Builds the local chain once: starts anvil, runs the real forge deploy script
 * (contracts/script/Deploy.s.sol) against it with the dev keepers, installs Multicall3 at its
 * canonical address (as on every public chain), and dumps the chain state, so tests and the local
 * exchange start from a deployed exchange in milliseconds.
 */
export async function buildDevchainState(): Promise<Deployment> {
  rmSync(DEVCHAIN_STATE_DIR, { recursive: true, force: true });
  mkdirSync(DEVCHAIN_STATE_DIR, { recursive: true });
  const anvil = await startAnvil({ dumpState: DEVCHAIN_STATE_FILE });
  try {
    await runForgeScript(anvil.rpcUrl);
    await installMulticall3(anvil.rpcUrl);
  } finally {
    await anvil.stop();
  }
  return parseDeployment(JSON.parse(readFileSync(DEVCHAIN_DEPLOYMENT_FILE, "utf8")));
}

function runForgeScript(rpcUrl: string): Promise<void> {
  const args = [
    "script",
    "contracts/script/Deploy.s.sol",
    "--rpc-url",
    rpcUrl,
    "--broadcast",
    "--private-key",
    DEV_ACCOUNTS.deployer.privateKey,
  ];
  const env = {
    ...process.env,
    KEEPERS: `${DEV_ACCOUNTS.keeper.address},${DEV_ACCOUNTS.secondKeeper.address}`,
    DEPLOYMENT_OUT: DEVCHAIN_DEPLOYMENT_FILE,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(resolveFoundryBinary("forge"), args, {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => reject(new DeployScriptError(`forge could not start: ${error.message}`)));
    child.on("exit", (code) => {
      if (code === 0 && /ONCHAIN EXECUTION COMPLETE & SUCCESSFUL/.test(output)) resolve();
      else
        reject(
          new DeployScriptError(`forge script Deploy.s.sol failed (exit ${code}):\n${output.slice(-4000)}`),
        );
    });
  });
}
