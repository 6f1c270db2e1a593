import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import type { Address, Hex } from "viem";

/** The mnemonic anvil (and Hardhat) derive their default dev accounts from. */
export const ANVIL_DEV_MNEMONIC = "test test test test test test test test test test test junk";

/**
 * Anvil's ten default dev accounts (mnemonic {@link ANVIL_DEV_MNEMONIC}, path m/44'/60'/0'/0/i),
 * each funded with 10,000 ETH on a fresh anvil. Public knowledge: never use them on a real chain.
 */
export const ANVIL_DEV_ACCOUNTS = [
  {
    address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    privateKey: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  },
  {
    address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    privateKey: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  },
  {
    address: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
    privateKey: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  },
  {
    address: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
    privateKey: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  },
  {
    address: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
    privateKey: "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  },
  {
    address: "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
    privateKey: "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  },
  {
    address: "0x976EA74026E726554dB657fA54763abd0C3a0aa9",
    privateKey: "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
  },
  {
    address: "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
    privateKey: "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
  },
  {
    address: "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
    privateKey: "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
  },
  {
    address: "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
    privateKey: "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
  },
] as const satisfies readonly { address: Address; privateKey: Hex }[];

/** One of {@link ANVIL_DEV_ACCOUNTS}. */
export type AnvilDevAccount = (typeof ANVIL_DEV_ACCOUNTS)[number];

export interface StartAnvilOptions {
  /** TCP port; 0 or omitted lets anvil pick a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Default 31337. */
  chainId?: number;
  /** Mine a block every this many seconds; omitted: mine on every transaction. */
  blockTime?: number;
  /** Start from a state file written by `dumpState` (`--load-state`). */
  loadState?: string;
  /** Write the chain state to this file when anvil stops (`--dump-state`). */
  dumpState?: string;
  /** Number of funded dev accounts. Default 10. */
  accounts?: number;
  /** Balance of each dev account, in ether. Default 10000. */
  balance?: number;
  /** Genesis block timestamp, Unix seconds. */
  timestamp?: number;
  /** Do not echo anvil's output to this process's stdout/stderr. Default true. */
  silent?: boolean;
  /** More command-line arguments, passed as given. */
  extraArgs?: readonly string[];
  /** How long to wait for anvil to answer `eth_chainId`. Default 30 s. */
  startTimeoutMs?: number;
  /** The anvil executable; default {@link resolveAnvilBinary}. */
  binaryPath?: string;
}

export interface AnvilInstance {
  /** `http://host:port`. */
  rpcUrl: string;
  host: string;
  port: number;
  chainId: number;
  /** The anvil process id. */
  pid: number;
  /** What anvil printed so far (the last 64 KiB of stdout and stderr). */
  output(): string;
  /** Stops anvil (SIGTERM, then SIGKILL after 5 s) and resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

/** Thrown when the anvil executable cannot be found or does not start. */
export class AnvilStartError extends Error {
  override name = "AnvilStartError";
}

const DEFAULT_CHAIN_ID = 31337;
const OUTPUT_LIMIT = 64 * 1024;
const KILL_GRACE_MS = 5_000;

/**
 * Starts anvil from the `@foundry-rs/anvil` npm package on a free port (or the given one), waits
 * until it answers `eth_chainId`, and returns its RPC URL and a `stop()`. If it cannot start (binary
 * missing, port taken, bad state file) the promise rejects with an {@link AnvilStartError} that
 * includes anvil's own output.
 *
 * @example
 * const anvil = await startAnvil({ chainId: 31337 });
 * const client = createPublicClient({ transport: http(anvil.rpcUrl) });
 * await client.getChainId(); // 31337
 * await anvil.stop();
 */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<AnvilInstance> {
  const host = options.host ?? "127.0.0.1";
  const chainId = options.chainId ?? DEFAULT_CHAIN_ID;
  const binary = options.binaryPath ?? resolveAnvilBinary();
  if (/[\\/]/.test(binary) && !existsSync(binary)) {
    throw new AnvilStartError(`anvil executable not found at ${binary}`);
  }
  const args = anvilArguments({ ...options, host, chainId });
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const record = (chunk: Buffer, echo: NodeJS.WriteStream) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
    if (options.silent === false) echo.write(chunk);
  };
  child.stdout?.on("data", (chunk: Buffer) => record(chunk, process.stdout));
  child.stderr?.on("data", (chunk: Buffer) => record(chunk, process.stderr));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const describe = () => `anvil ${args.join(" ")}`;
  try {
    const port = await waitForListening(child, () => output, options.startTimeoutMs ?? 30_000, describe);
    const rpcUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    await waitForChainId(rpcUrl, chainId, child, options.startTimeoutMs ?? 30_000, () => output, describe);
    let stopping: Promise<void> | undefined;
    return {
      rpcUrl,
      host,
      port,
      chainId,
      pid: child.pid ?? -1,
      output: () => output,
      stop() {
        stopping ??= stopChild(child, exited).finally(() => process.off("exit", killOnExit));
        return stopping;
      },
    };
  } catch (error) {
    await stopChild(child, exited);
    process.off("exit", killOnExit);
    if (/Address already in use/i.test(output)) {
      throw new AnvilStartError(
        `port ${options.port ?? 0} on ${host} is already in use: ${(error as Error).message}`,
      );
    }
    throw error;
  }
}

/**
 * The path of the anvil executable: `$ANVIL_BINARY` when set, else the platform package of
 * `@foundry-rs/anvil` (e.g. `@foundry-rs/anvil-linux-amd64/bin/anvil`), else `anvil` on the PATH.
 * Throws an {@link AnvilStartError} saying what was tried when none exists.
 *
 * @example
 * resolveAnvilBinary(); // ".../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
 */
export function resolveAnvilBinary(): string {
  const fromEnv = process.env.ANVIL_BINARY;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  const executable = process.platform === "win32" ? "anvil.exe" : "anvil";
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
  const platformPackage = `@foundry-rs/anvil-${process.platform}-${arch ?? process.arch}`;
  const tried: string[] = [];
  try {
    const require = createRequire(import.meta.url);
    const wrapperPackageJson = require.resolve("@foundry-rs/anvil/package.json");
    const platformPackageJson = createRequire(wrapperPackageJson).resolve(`${platformPackage}/package.json`);
    const candidate = join(dirname(platformPackageJson), "bin", executable);
    if (existsSync(candidate)) return candidate;
    tried.push(candidate);
  } catch (error) {
    tried.push(`${platformPackage} (${(error as Error).message.split("\n")[0]})`);
  }
  for (const directory of (process.env.PATH ?? "").split(delimiter)) {
    if (directory === "") continue;
    const candidate = join(directory, executable);
    if (existsSync(candidate)) return candidate;
  }
  tried.push(`${executable} on the PATH`);
  throw new AnvilStartError(
    `anvil executable not found; tried ${tried.join(", ")}. Install @foundry-rs/anvil ` +
      "(with its optional platform package) or set ANVIL_BINARY.",
  );
}

function anvilArguments(options: StartAnvilOptions & { host: string; chainId: number }): string[] {
  const args = [
    "--host",
    options.host,
    "--port",
    String(options.port ?? 0),
    "--chain-id",
    String(options.chainId),
  ];
  if (options.blockTime !== undefined) args.push("--block-time", String(options.blockTime));
  if (options.accounts !== undefined) args.push("--accounts", String(options.accounts));
  if (options.balance !== undefined) args.push("--balance", String(options.balance));
  if (options.timestamp !== undefined) args.push("--timestamp", String(options.timestamp));
  if (options.loadState !== undefined) args.push("--load-state", options.loadState);
  if (options.dumpState !== undefined) args.push("--dump-state", options.dumpState);
  args.push(...(options.extraArgs ?? []));
  return args;
}

/** Resolves with the port from anvil's "Listening on host:port" line. */
function waitForListening(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
  describe: () => string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new AnvilStartError(`${describe()} did not start within ${timeoutMs} ms\n${output()}`)),
      timeoutMs,
    );
    const onData = () => {
      const match = /Listening on \S*?:(\d+)/.exec(output());
      if (match?.[1] !== undefined) finish(undefined, Number(match[1]));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(
        new AnvilStartError(
          `${describe()} exited before listening (${signal ?? `exit code ${code}`}):\n${output().trim()}`,
        ),
      );
    const onError = (error: Error) =>
      finish(new AnvilStartError(`${describe()} could not be spawned: ${error.message}`));
    function finish(error: Error | undefined, port?: number) {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
      if (error !== undefined || port === undefined) reject(error);
      else resolve(port);
    }
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

async function waitForChainId(
  rpcUrl: string,
  chainId: number,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new AnvilStartError(`${describe()} exited while starting:\n${output().trim()}`);
    }
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
        signal: AbortSignal.timeout(2_000),
      });
      const body = (await response.json()) as { result?: string };
      if (body.result !== undefined && Number(body.result) === chainId) return;
      lastError = `eth_chainId answered ${JSON.stringify(body)}, expected ${chainId}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new AnvilStartError(
    `${describe()} at ${rpcUrl} did not answer eth_chainId: ${lastError}\n${output()}`,
  );
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
  await exited;
  clearTimeout(killer);
}
