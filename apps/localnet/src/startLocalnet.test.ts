import { PYTH_FEED_IDS } from "@bastion/contracts";
import {
  approveToken,
  createHermesClient,
  createOrder,
  fetchPriceUpdate,
  getMarkets,
  getPosition,
  marketIncreaseOrder,
  parseUsd,
} from "@bastion/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlive, loadWebConfigSchema, TEST_WEB_DIST, waitFor } from "../test/helpers.js";
import { describeLocalnet } from "./describeLocalnet.js";
import { isPortFree } from "./lifecycle/ports.js";
import { type Localnet, startLocalnet } from "./startLocalnet.js";

describe("startLocalnet on free ports", () => {
  let localnet: Localnet;
  beforeAll(async () => {
    localnet = await startLocalnet({
      chainPort: 0,
      pricePort: 0,
      webPort: 0,
      keeperMetricsPort: 0,
      webDist: TEST_WEB_DIST,
    });
  }, 180_000);
  afterAll(async () => {
    await localnet?.stop();
  });

  it("brings up the chain with both pools seeded by the dev LP", async () => {
    const { deployment } = localnet.devchain;
    const markets = await getMarkets(localnet.clients.publicClient, { exchange: deployment.exchange });
    expect(markets.map((m) => m.address)).toEqual([deployment.ethUsdMarket, deployment.btcUsdMarket]);
    for (const market of markets) {
      expect(market.totalSupply).toBeGreaterThan(0n);
      expect(market.balances.longAmount).toBeGreaterThan(0n);
      expect(market.balances.shortAmount).toBe(5_000_000n * 10n ** 6n);
    }
    expect(localnet.pools.every((pool) => pool.shares > 0n)).toBe(true);
  });

  it("runs the keeper: a trade placed through the SDK gets executed", async () => {
    const { deployment } = localnet.devchain;
    const trader = localnet.devchain.accounts.users[0];
    if (trader === undefined) throw new Error("no dev user");
    const user = localnet.clients.wallet(trader.privateKey);
    const hermes = createHermesClient({ endpoint: localnet.priceService.url });
    const { prices } = await fetchPriceUpdate({ client: hermes, feedIds: [PYTH_FEED_IDS["ETH/USD"]] });
    const eth = prices[0];
    if (eth === undefined) throw new Error("no ETH price");
    const indexPrice = eth.price * 10n ** BigInt(30 + eth.expo - 18);
    await approveToken(user, {
      token: deployment.usdc,
      spender: deployment.exchange,
      amount: 1_000_000_000n,
    });
    await createOrder(user, {
      exchange: deployment.exchange,
      ...marketIncreaseOrder({
        market: deployment.ethUsdMarket,
        collateralToken: deployment.usdc,
        isLong: true,
        sizeDeltaUsd: parseUsd("5000"),
        collateralAmount: 1_000_000_000n,
        indexPrice,
        slippageBps: 300,
      }),
    });
    const position = await waitFor("the keeper to execute the order", async () => {
      const found = await getPosition(localnet.clients.publicClient, {
        exchange: deployment.exchange,
        account: user.account.address,
        market: deployment.ethUsdMarket,
        collateralToken: deployment.usdc,
        isLong: true,
      });
      return found ?? undefined;
    });
    expect(position.sizeUsd).toBe(parseUsd("5000"));
  });

  it("serves the web app, its client routes and a config.json the app accepts", async () => {
    const web = localnet.web;
    if (web === undefined) throw new Error("the web server is not running");
    const index = await fetch(`${web.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toContain("text/html");
    expect(await index.text()).toMatch(/<div id="root">/);
    const route = await fetch(`${web.url}/pool-health`);
    expect(route.status).toBe(200);
    expect(await route.text()).toMatch(/<div id="root">/);
    expect((await fetch(`${web.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${web.url}/..%2f..%2fpackage.json`)).status).not.toBe(200);

    const response = await fetch(`${web.url}/config.json`);
    expect(response.headers.get("content-type")).toContain("application/json");
    const config = (await response.json()) as Record<string, unknown>;
    const schema = await loadWebConfigSchema();
    const parsed = schema.safeParse(config);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.success).toBe(true);
    expect(config).toMatchObject({
      chainId: 31337,
      rpcUrl: localnet.devchain.rpcUrl,
      priceServiceUrl: localnet.priceService.url,
      contracts: { exchange: localnet.devchain.deployment.exchange },
    });
    expect((config.markets as { symbol: string }[]).map((m) => m.symbol)).toEqual(["ETH/USD", "BTC/USD"]);
  });

  it("serves the keeper's metrics and the price service's health", async () => {
    const metricsUrl = localnet.keeper?.metricsUrl;
    if (metricsUrl === undefined) throw new Error("no keeper metrics");
    expect((await fetch(metricsUrl)).status).toBe(200);
    expect((await fetch(`${localnet.priceService.url}/healthz`)).status).toBe(200);
  });

  it("describes where everything is, with the dev keys marked local-only", () => {
    const text = describeLocalnet(localnet);
    expect(text).toContain(localnet.devchain.rpcUrl);
    expect(text).toContain(localnet.priceService.url);
    expect(text).toContain(localnet.web?.url ?? "no web");
    expect(text).toContain(localnet.devchain.deployment.exchange);
    expect(text).toContain(localnet.devchain.accounts.users[0]?.privateKey ?? "no user");
    expect(text).toContain("LOCAL USE ONLY");
    expect(text).toContain("Ctrl-C");
  });

  it("stop() stops every service and leaves no process behind", async () => {
    const anvilPid = localnet.devchain.anvil.pid;
    const ports = [
      localnet.devchain.anvil.port,
      localnet.priceService.port,
      localnet.web?.port ?? 0,
      Number(new URL(localnet.keeper?.metricsUrl ?? "http://127.0.0.1:0").port),
    ];
    expect(isAlive(anvilPid)).toBe(true);
    await localnet.stop();
    expect(isAlive(anvilPid)).toBe(false);
    for (const port of ports) expect(await isPortFree(port, "127.0.0.1")).toBe(true);
  });
});
