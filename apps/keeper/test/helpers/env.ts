import { type Deployment, exchangeAbi, mockErc20Abi } from "@bastion/contracts";
import { DEVCHAIN_DEPLOYMENT_FILE, type Devchain, startDevchain } from "@bastion/devchain";
import { type PriceService, silentLogger, startPriceService } from "@bastion/price-service";
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { createNonceManager, privateKeyToAccount } from "viem/accounts";
import { jsonRpc } from "viem/nonce";
import type { KeeperConfigInput } from "../../src/config/schema.js";
import { createKeeperLogger, type Logger } from "../../src/observability/logger.js";

export type TestWallet = WalletClient<Transport, Chain, Account>;

/** A devchain (anvil with Bastion deployed) and a price service holding manual prices. */
export interface TestEnv {
  devchain: Devchain;
  prices: PriceService;
  deployment: Deployment;
  exchange: Address;
  publicClient: PublicClient<Transport, Chain>;
  deployer: TestWallet;
  users: TestWallet[];
  stop(): Promise<void>;
}

/** Starts the environment; ETH and BTC held at manual prices, confidence fixed (no volatility term). */
export async function startTestEnv(
  options: { eth?: string; btc?: string; apiKey?: string; confBps?: number } = {},
): Promise<TestEnv> {
  const devchain = await startDevchain();
  const prices = await startPriceService({
    port: 0,
    logger: silentLogger,
    seed: 11,
    confBps: options.confBps ?? 1,
    confVolatilityFactor: 0,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
  });
  await Promise.all([
    prices.setPrice("ETH", options.eth ?? "3000"),
    prices.setPrice("BTC", options.btc ?? "60000"),
  ]);
  const transport = http(devchain.rpcUrl);
  const wallet = (key: Hex): TestWallet =>
    createWalletClient({
      account: privateKeyToAccount(key, { nonceManager: createNonceManager({ source: jsonRpc() }) }),
      chain: devchain.chain,
      transport,
      pollingInterval: 50,
    });
  return {
    devchain,
    prices,
    deployment: devchain.deployment,
    exchange: devchain.deployment.exchange,
    publicClient: createPublicClient({
      chain: devchain.chain,
      transport,
      pollingInterval: 50,
    }) as PublicClient<Transport, Chain>,
    deployer: wallet(devchain.accounts.deployer.privateKey),
    users: devchain.accounts.users.map((account) => wallet(account.privateKey)),
    async stop() {
      await Promise.allSettled([prices.stop(), devchain.stop()]);
    },
  };
}

/** Keeper configuration for tests: the env's chain and price service, fast polling, no metrics port clash. */
export function keeperInput(env: TestEnv, overrides: KeeperConfigInput = {}): KeeperConfigInput {
  return {
    rpcUrl: env.devchain.rpcUrl,
    chainId: env.deployment.chainId,
    hermesUrl: env.prices.url,
    deploymentFile: DEVCHAIN_DEPLOYMENT_FILE,
    privateKeys: [env.devchain.accounts.keeper.privateKey],
    metricsPort: 0,
    pollIntervalMs: 50,
    priceIntervalMs: 500,
    reconcileIntervalMs: 1000,
    accountCheckIntervalMs: 1000,
    retryBaseMs: 100,
    retryMaxMs: 2000,
    margin: "off",
    logLevel: "silent",
    ...overrides,
  };
}

/** A logger for test keepers: silent unless `KEEPER_TEST_LOG` is set (then `debug` on stderr). */
export function testLogger(): Logger {
  return createKeeperLogger(process.env.KEEPER_TEST_LOG ? "debug" : "silent", process.stderr);
}

/** Polls `check` until it returns a value other than `undefined`/`false`; fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Mints mock tokens (public `mint`). */
export async function mint(env: TestEnv, token: Address, to: Address, amount: bigint): Promise<void> {
  const hash = await env.deployer.writeContract({
    address: token,
    abi: mockErc20Abi,
    functionName: "mint",
    args: [to, amount],
  });
  await env.publicClient.waitForTransactionReceipt({ hash });
}

/** The token balance of `account`. */
export function balanceOf(env: TestEnv, token: Address, account: Address): Promise<bigint> {
  return env.publicClient.readContract({
    address: token,
    abi: mockErc20Abi,
    functionName: "balanceOf",
    args: [account],
  });
}

/** Whether a request is still pending on chain. */
export async function isPending(
  env: TestEnv,
  kind: "deposit" | "withdrawal" | "order",
  id: bigint,
): Promise<boolean> {
  const functionName =
    kind === "deposit" ? "getDeposit" : kind === "withdrawal" ? "getWithdrawal" : "getOrder";
  const request = (await env.publicClient.readContract({
    address: env.exchange,
    abi: exchangeAbi,
    functionName,
    args: [id],
  })) as { account: Address };
  return request.account !== "0x0000000000000000000000000000000000000000";
}

/** A user's wallet by index. */
export function userAt(env: TestEnv, index: number): TestWallet {
  const user = env.users[index];
  if (user === undefined) throw new Error(`no user ${index}`);
  return user;
}
