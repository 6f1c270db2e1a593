import { type Devchain, startDevchain } from "@bastion/devchain";
import type { PriceService } from "@bastion/price-service";
import { createHermesClient } from "@bastion/sdk";
import { createLocalClients, type LocalClients, type LocalWallet } from "./chain/clients.js";
import { fundDevAccounts } from "./chain/fundDevAccounts.js";
import { balancedPoolSeed, type SeededPool, seedPools } from "./chain/seedPools.js";
import { type LocalKeeper, startLocalKeeper } from "./keeper/startLocalKeeper.js";
import { assertPortsFree } from "./lifecycle/ports.js";
import { StopStack } from "./lifecycle/stopStack.js";
import {
  DEFAULT_POOL_USD,
  DEFAULT_PORTS,
  type LocalnetHookContext,
  type StartLocalnetOptions,
} from "./options.js";
import { priceServiceLogger, startLocalPriceService } from "./prices/startLocalPriceService.js";
import { buildWebConfig, type WebAppConfig } from "./web/webConfig.js";
import { resolveWebDist } from "./web/webDist.js";
import { startWebServer, type WebServer } from "./web/webServer.js";

export type { LocalnetHookContext, LocalnetHooks, StartLocalnetOptions } from "./options.js";

/**
 * Extra anvil flags. `--disable-code-size-limit`: on a chain without Multicall3 the risk package's
 * readers (used by the keeper) batch reads through viem's deployless multicall, whose answer is
 * returned as contract code; with more than about forty positions per market it exceeds EIP-170's
 * 24 KiB and the read reverts (`CreateContractSizeLimit`). Lifting the limit on the local chain lets
 * the keeper and the crash replay read books of any size; the deployed contracts are the same.
 */
export const LOCAL_ANVIL_ARGS: readonly string[] = ["--disable-code-size-limit"];

/** The running local exchange. */
export interface Localnet {
  devchain: Devchain;
  clients: LocalClients;
  priceService: PriceService;
  /** Undefined with `keeper: false`. */
  keeper: LocalKeeper | undefined;
  /** Undefined with `web: false`. */
  web: WebServer | undefined;
  /** What the web server answers at `/config.json`. */
  webConfig: WebAppConfig;
  /** The dev account that seeded the pools (the last dev user). */
  lp: LocalWallet;
  /** The liquidity seeded into each pool. */
  pools: SeededPool[];
  /** Stops everything, last started first. Idempotent. */
  stop(): Promise<void>;
}

/** Thrown when the local exchange could not start; `step` says where. What had started was stopped. */
export class LocalnetStartError extends Error {
  override name = "LocalnetStartError";
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`${step}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/**
 * Brings up the whole exchange on this machine: anvil with Bastion deployed by the real deploy
 * script, the dev users funded with ETH, WETH, WBTC and USDC, both pools seeded with liquidity by a
 * dev LP (deposits executed with Pyth updates from the local price service), the price service, the
 * keeper (the devchain's keeper account, Hermes = the local price service) and the web app's static
 * server with a generated `/config.json`. Ports are checked first. A failure at any step stops what
 * was started and rejects with a {@link LocalnetStartError}.
 *
 * @example
 * const localnet = await startLocalnet({ chainPort: 0, pricePort: 0, webPort: 0, keeperMetricsPort: 0 });
 * console.log(localnet.devchain.rpcUrl, localnet.web?.url);
 * await localnet.stop();
 */
export async function startLocalnet(options: StartLocalnetOptions = {}): Promise<Localnet> {
  const host = options.host ?? "127.0.0.1";
  const ports = {
    chain: options.chainPort ?? DEFAULT_PORTS.chain,
    price: options.pricePort ?? DEFAULT_PORTS.price,
    web: options.webPort ?? DEFAULT_PORTS.web,
    keeperMetrics: options.keeperMetricsPort ?? DEFAULT_PORTS.keeperMetrics,
  };
  const withWeb = options.web ?? true;
  const withKeeper = options.keeper ?? true;
  const log = options.log ?? (() => {});
  const hooks = options.hooks ?? {};
  const stack = new StopStack();
  let step = "checking ports";
  const run = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
    options.signal?.throwIfAborted();
    step = name;
    log(`${name}...`);
    return action();
  };

  try {
    await run("checking ports", () =>
      assertPortsFree(host, [
        { service: "chain RPC", option: "--chain-port", port: ports.chain },
        { service: "price service", option: "--price-port", port: ports.price },
        ...(withWeb ? [{ service: "web app", option: "--web-port", port: ports.web }] : []),
        ...(withKeeper
          ? [{ service: "keeper metrics", option: "--keeper-metrics-port", port: ports.keeperMetrics }]
          : []),
      ]),
    );
    step = "finding the built web app";
    const webDist = withWeb ? resolveWebDist(options.webDist) : undefined;

    const devchain = await run("starting the chain (anvil with Bastion deployed)", () =>
      startDevchain({ port: ports.chain, host, extraArgs: LOCAL_ANVIL_ARGS }),
    );
    stack.push({ name: "chain", stop: () => devchain.stop() });
    const clients = createLocalClients(devchain);
    const { accounts } = devchain;
    const deployer = clients.wallet(accounts.deployer.privateKey);
    const keeperWallet = clients.wallet(accounts.keeper.privateKey);
    const secondKeeper = clients.wallet(accounts.secondKeeper.privateKey);
    const lpAccount = accounts.users.at(-1);
    if (lpAccount === undefined) throw new Error("the devchain has no dev users");
    const lp = clients.wallet(lpAccount.privateKey);
    const context: LocalnetHookContext = {
      devchain,
      clients,
      deployer,
      keeper: keeperWallet,
      secondKeeper,
      lp,
    };
    const { afterChain, afterPriceService, poolSeeds, beforeKeeper } = hooks;
    if (afterChain !== undefined) await run("preparing the chain", () => afterChain(context));

    const priceService = await run("starting the price service", () =>
      startLocalPriceService(
        {
          port: ports.price,
          host,
          source: options.prices ?? {},
          logger: priceServiceLogger(options.serviceLogs ?? "silent"),
        },
        hooks.priceService,
      ),
    );
    stack.push({ name: "price service", stop: () => priceService.stop() });
    const hermes = createHermesClient({ endpoint: priceService.url, httpRetries: 0 });
    if (afterPriceService !== undefined) {
      await run("preparing the prices", () => afterPriceService({ ...context, priceService }));
    }

    await run("funding the dev accounts", () =>
      fundDevAccounts(clients, {
        deployment: devchain.deployment,
        minter: deployer,
        users: accounts.users.map((user) => user.address),
      }),
    );

    const pools = await run("seeding the pools", async () => {
      const seeds =
        poolSeeds !== undefined
          ? await poolSeeds({ ...context, priceService })
          : await Promise.all(
              [devchain.deployment.ethUsdMarket, devchain.deployment.btcUsdMarket].map((market) =>
                balancedPoolSeed(clients, {
                  deployment: devchain.deployment,
                  hermes,
                  market,
                  usd: options.poolUsd ?? DEFAULT_POOL_USD,
                }),
              ),
            );
      return seedPools(clients, {
        deployment: devchain.deployment,
        lp,
        minter: deployer,
        executor: secondKeeper,
        hermes,
        seeds,
      });
    });
    if (beforeKeeper !== undefined)
      await run("preparing the market", () => beforeKeeper({ ...context, priceService }));

    let keeper: LocalKeeper | undefined;
    if (withKeeper) {
      keeper = await run("starting the keeper", () =>
        startLocalKeeper({
          rpcUrl: devchain.rpcUrl,
          chainId: devchain.deployment.chainId,
          deployment: devchain.deployment,
          privateKey: accounts.keeper.privateKey,
          hermesUrl: priceService.url,
          metricsPort: ports.keeperMetrics,
          host,
          logLevel: options.serviceLogs ?? "silent",
          overrides: hooks.keeper ?? {},
        }),
      );
      const started = keeper;
      stack.push({ name: "keeper", stop: () => started.stop() });
    }

    const webConfig = await run("writing the web app's config.json", () =>
      buildWebConfig({
        client: clients.publicClient,
        deployment: devchain.deployment,
        rpcUrl: devchain.rpcUrl.replace(/^http:\/\/(0\.0\.0\.0|\[::\]):/, "http://127.0.0.1:"),
        priceServiceUrl: priceService.url,
      }),
    );
    let web: WebServer | undefined;
    if (webDist !== undefined) {
      web = await run("serving the web app", () =>
        startWebServer({ root: webDist, config: webConfig, port: ports.web, host }),
      );
      const started = web;
      stack.push({ name: "web server", stop: () => started.stop() });
    }
    options.signal?.throwIfAborted();
    return {
      devchain,
      clients,
      priceService,
      keeper,
      web,
      webConfig,
      lp,
      pools,
      stop: () => stack.stopAll(),
    };
  } catch (error) {
    await stack.stopAll().catch(() => {});
    if (options.signal?.aborted === true) throw options.signal.reason;
    throw new LocalnetStartError(step, error);
  }
}
