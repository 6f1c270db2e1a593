import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Deployment, exchangeAbi, mockErc20Abi } from "@bastion/contracts";
import { DEVCHAIN_DEPLOYMENT_FILE, type Devchain, startDevchain } from "@bastion/devchain";
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  maxUint256,
  type PublicClient,
  parseEther,
  stringToHex,
  type Transport,
  type WalletClient,
} from "viem";
import { createNonceManager, privateKeyToAccount } from "viem/accounts";
import { jsonRpc } from "viem/nonce";

export type BenchWallet = WalletClient<Transport, Chain, Account>;

/** The price service running as its own process (as Hermes is remote in production). */
export interface PriceServiceChild {
  url: string;
  /** Holds a feed at a price; resolves with the publish time of the first update carrying it. */
  setPrice(feed: string, price: string): Promise<number>;
  stop(): Promise<void>;
}

const PRICE_SERVICE_CLI = fileURLToPath(new URL("../../../price-service/dist/cli.js", import.meta.url));

/** Spawns the price service CLI on a free port. */
export async function spawnPriceService(): Promise<PriceServiceChild> {
  const child = spawn(
    process.execPath,
    [
      PRICE_SERVICE_CLI,
      "--port",
      "0",
      "--seed",
      "5",
      "--conf-bps",
      "1",
      "--conf-vol-factor",
      "0",
      "--log-level",
      "info",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    if (output.length < 20_000) output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    if (output.length < 20_000) output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 20_000;
  let url: string | undefined;
  while (url === undefined) {
    url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`price service did not start: ${output}`);
    if (url === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = url;
  return {
    url: base,
    async setPrice(feed, price) {
      const response = await fetch(`${base}/admin/prices`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: feed, price }),
      });
      if (!response.ok) throw new Error(`setPrice: HTTP ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { publishTime: number }).publishTime;
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A local exchange for a benchmark: anvil with Bastion, a price service with held prices. */
export interface BenchEnv {
  devchain: Devchain;
  prices: PriceServiceChild;
  deployment: Deployment;
  publicClient: PublicClient<Transport, Chain>;
  wallet(key: Hex): BenchWallet;
  stop(): Promise<void>;
}

/** Starts anvil (automine) and the price service with ETH at 3,000 and BTC at 60,000, no volatility term. */
export async function startBenchEnv(): Promise<BenchEnv> {
  const devchain = await startDevchain();
  const prices = await spawnPriceService();
  await Promise.all([prices.setPrice("ETH", "3000"), prices.setPrice("BTC", "60000")]);
  const transport = http(devchain.rpcUrl, { batch: { wait: 0 } });
  return {
    devchain,
    prices,
    deployment: devchain.deployment,
    publicClient: createPublicClient({
      chain: devchain.chain,
      transport,
      pollingInterval: 20,
    }) as PublicClient<Transport, Chain>,
    wallet: (key) =>
      createWalletClient({
        account: privateKeyToAccount(key, { nonceManager: createNonceManager({ source: jsonRpc() }) }),
        chain: devchain.chain,
        transport,
        pollingInterval: 20,
      }),
    async stop() {
      await Promise.allSettled([prices.stop(), devchain.stop()]);
    },
  };
}

/** `count` fresh accounts with 100 ETH each (deterministic keys: the same run, the same accounts). */
export async function benchAccounts(env: BenchEnv, count: number, tag: string): Promise<BenchWallet[]> {
  const wallets: BenchWallet[] = [];
  for (let i = 0; i < count; i++) {
    const wallet = env.wallet(keccak256(stringToHex(`bastion-bench-${tag}-${i}`)));
    await env.publicClient.request({
      method: "anvil_setBalance",
      params: [wallet.account.address, `0x${parseEther("100").toString(16)}`],
    } as never);
    wallets.push(wallet);
  }
  return wallets;
}

/** Mints `amount` of `token` to the wallet (mock tokens: public mint) and approves the exchange for all. */
export async function fundToken(
  env: BenchEnv,
  wallet: BenchWallet,
  token: Address,
  amount: bigint,
): Promise<void> {
  const minted = await wallet.writeContract({
    address: token,
    abi: mockErc20Abi,
    functionName: "mint",
    args: [wallet.account.address, amount],
  });
  const approved = await wallet.writeContract({
    address: token,
    abi: mockErc20Abi,
    functionName: "approve",
    args: [env.deployment.exchange, maxUint256],
  });
  await Promise.all([
    env.publicClient.waitForTransactionReceipt({ hash: minted }),
    env.publicClient.waitForTransactionReceipt({ hash: approved }),
  ]);
}

/** Runs `task` over `items` with at most `concurrency` at once. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await task(items[index] as T, index);
      }
    }),
  );
}

/** The keeper CLI as a separate process (as it runs in production), configured by environment. */
export interface KeeperChild {
  child: ChildProcess;
  address: Address;
  output(): string;
  stop(): Promise<void>;
}

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** Spawns `bastion-keeper` against the bench env with the devchain keeper key; resolves once started. */
export async function spawnBenchKeeper(
  env: BenchEnv,
  extra: Record<string, string> = {},
): Promise<KeeperChild> {
  const nodeArgs = process.env.BENCH_KEEPER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, CLI], {
    env: {
      ...process.env,
      BASTION_KEEPER_RPC_URL: env.devchain.rpcUrl,
      BASTION_KEEPER_HERMES_URL: env.prices.url,
      BASTION_KEEPER_DEPLOYMENT: DEVCHAIN_DEPLOYMENT_FILE,
      BASTION_KEEPER_PRIVATE_KEYS: env.devchain.accounts.keeper.privateKey,
      BASTION_KEEPER_METRICS_PORT: "0",
      BASTION_KEEPER_MARGIN: "off",
      BASTION_KEEPER_LOG_LEVEL: "info",
      ...extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let head = "";
  const logFile = process.env.BENCH_KEEPER_LOG ? createWriteStream(process.env.BENCH_KEEPER_LOG) : undefined;
  const keep = (chunk: Buffer) => {
    logFile?.write(chunk);
    if (head.length < 20_000) head += chunk.toString();
    output = (output + chunk.toString()).slice(-65_536);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  while (!head.includes("keeper started") && Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`keeper exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    address: env.devchain.accounts.keeper.address as Address,
    output: () => head + output,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Watches the exchange's logs every `intervalMs` and records when each request id was executed or cancelled. */
export function watchExecutions(
  env: BenchEnv,
  intervalMs = 20,
): { seenAt: Map<bigint, number>; stop(): void } {
  const seenAt = new Map<bigint, number>();
  let from: bigint | undefined;
  let stopped = false;
  void (async () => {
    from = (await env.publicClient.getBlockNumber({ cacheTime: 0 })) + 1n;
    while (!stopped) {
      const head = await env.publicClient.getBlockNumber({ cacheTime: 0 });
      if (head >= from) {
        const logs = await env.publicClient.getContractEvents({
          address: env.deployment.exchange,
          abi: exchangeAbi,
          fromBlock: from,
          toBlock: head,
        });
        const now = performance.now();
        for (const log of logs) {
          const args = log.args as { id?: bigint; orderId?: bigint };
          const id =
            log.eventName === "DepositExecuted" ||
            log.eventName === "WithdrawalExecuted" ||
            log.eventName === "RequestCancelled"
              ? args.id
              : log.eventName === "PositionIncreased" || log.eventName === "PositionDecreased"
                ? args.orderId
                : undefined;
          if (id !== undefined && id !== 0n && !seenAt.has(id)) seenAt.set(id, now);
        }
        from = head + 1n;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    seenAt,
    stop() {
      stopped = true;
    },
  };
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** `1234.5` -> `1235 ms`. */
export const ms = (value: number) => `${Math.round(value)} ms`;
