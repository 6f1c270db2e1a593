import { exchangeAbi } from "@bastion/contracts";
import { createLiquidationScanner, readAllPositions, readMarketState } from "@bastion/risk";
import {
  createHermesClient,
  fetchPriceUpdate,
  marketIncreaseOrder,
  parseUsd,
  toUnitPrice,
} from "@bastion/sdk";
import type { Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Keeper, startKeeper } from "../src/startKeeper.js";
import {
  isPending,
  keeperInput,
  startTestEnv,
  type TestEnv,
  testLogger,
  userAt,
  waitFor,
} from "./helpers/env.js";
import { metricEventually, metricSum } from "./helpers/metrics.js";
import { requestDeposit, requestOrder, seedEthPoolRequest } from "./helpers/trading.js";

/** Collateral (USDC) of $10,000 positions at 2x ... 45x. */
const LONGS: { user: number; collateralUsd: bigint }[] = [
  { user: 1, collateralUsd: 5_000n }, // 2x
  { user: 2, collateralUsd: 2_000n }, // 5x
  { user: 3, collateralUsd: 1_000n }, // 10x
  { user: 4, collateralUsd: 400n }, // 25x
  { user: 5, collateralUsd: 250n }, // 40x
  { user: 6, collateralUsd: 222n }, // 45x
];

describe("liquidator", () => {
  let env: TestEnv;
  let keeper: Keeper;
  const keyOf = new Map<number, Hex>();

  /** The positions the risk mirror says are liquidatable at the service's current ETH price. */
  const mirrorLiquidatable = async (): Promise<Set<Hex>> => {
    const { prices } = await fetchPriceUpdate({
      client: createHermesClient({ endpoint: env.prices.url }),
      feedIds: keeper.registry.feedIds(),
    });
    const market = env.deployment.ethUsdMarket;
    const snapshot = await readMarketState(env.publicClient, { exchange: env.exchange, market });
    const all = await readAllPositions(env.publicClient, {
      exchange: env.exchange,
      market,
      blockNumber: snapshot.blockNumber,
    });
    const scanner = createLiquidationScanner(
      snapshot.state,
      keeper.registry.pricesFor(market, prices),
      snapshot.timestamp + 1n,
    );
    return new Set(all.keys.filter((_, i) => scanner.isLiquidatable(all.positions[i] as never)));
  };

  const openKeys = async (): Promise<Set<Hex>> => {
    const all = await readAllPositions(env.publicClient, {
      exchange: env.exchange,
      market: env.deployment.ethUsdMarket,
    });
    return new Set(all.keys);
  };

  beforeAll(async () => {
    env = await startTestEnv();
    keeper = await startKeeper(keeperInput(env, { priceIntervalMs: 250 }), { logger: testLogger() });
    const seed = await seedEthPoolRequest(env, userAt(env, 0));
    const btcSeed = await requestDeposit(env, userAt(env, 0), {
      market: env.deployment.btcUsdMarket,
      shortAmount: 1_000_000n * 10n ** 6n,
    });
    await waitFor(
      async () => !(await isPending(env, "deposit", seed)) && !(await isPending(env, "deposit", btcSeed)),
      "seed deposits",
    );
    const ids = await Promise.all(
      LONGS.map(({ user, collateralUsd }) =>
        requestOrder(
          env,
          userAt(env, user),
          marketIncreaseOrder({
            market: env.deployment.ethUsdMarket,
            collateralToken: env.deployment.usdc,
            isLong: true,
            sizeDeltaUsd: parseUsd("10000"),
            collateralAmount: collateralUsd * 10n ** 6n,
            indexPrice: toUnitPrice("3000", 18),
            slippageBps: 100,
          }),
        ),
      ),
    );
    // A BTC short at 40x, which an ETH crash does not touch.
    ids.push(
      await requestOrder(
        env,
        userAt(env, 4),
        marketIncreaseOrder({
          market: env.deployment.btcUsdMarket,
          collateralToken: env.deployment.usdc,
          isLong: false,
          sizeDeltaUsd: parseUsd("10000"),
          collateralAmount: 250n * 10n ** 6n,
          indexPrice: toUnitPrice("60000", 8),
          slippageBps: 100,
        }),
      ),
    );
    await waitFor(
      async () => (await Promise.all(ids.map((id) => isPending(env, "order", id)))).every((p) => !p),
      "positions opened",
    );
    const { getPositionKey } = await import("@bastion/sdk");
    for (const { user } of LONGS) {
      keyOf.set(
        user,
        getPositionKey({
          account: userAt(env, user).account.address,
          market: env.deployment.ethUsdMarket,
          collateralToken: env.deployment.usdc,
          isLong: true,
        }),
      );
    }
    expect((await openKeys()).size).toBe(LONGS.length);
  });
  afterAll(async () => {
    await keeper?.stop();
    await env?.stop();
  });

  it("liquidates nothing while every position is above maintenance", async () => {
    const publishTime = env.prices.latest("ETH").publishTime;
    await waitFor(() => (keeper.priceFeed.latest?.publishTime ?? 0) >= publishTime + 2, "two scans");
    expect(await mirrorLiquidatable()).toEqual(new Set());
    expect(await metricSum(keeper.metrics, "positions_scanned_total")).toBeGreaterThan(0);
    expect(await metricSum(keeper.metrics, "liquidations_total")).toBe(0);
  });

  it("after a 3.3% drop, liquidates exactly the positions the risk mirror says, in one batch", async () => {
    await env.prices.setPrice("ETH", "2900");
    const expected = await mirrorLiquidatable();
    // 25x, 40x and 45x longs; not the 2x, 5x and 10x ones.
    expect(expected).toEqual(new Set([keyOf.get(4), keyOf.get(5), keyOf.get(6)]));
    await waitFor(async () => {
      const open = await openKeys();
      return [...expected].every((key) => !open.has(key));
    }, "the liquidations");
    // Later updates liquidate nothing more.
    const publishTime = env.prices.latest("ETH").publishTime;
    await waitFor(() => (keeper.priceFeed.latest?.publishTime ?? 0) >= publishTime + 2, "two more scans");
    const open = await openKeys();
    expect(open).toEqual(new Set([keyOf.get(1), keyOf.get(2), keyOf.get(3)]));
    const events = await env.publicClient.getContractEvents({
      address: env.exchange,
      abi: exchangeAbi,
      eventName: "PositionLiquidated",
      fromBlock: 0n,
    });
    expect(new Set(events.map((e) => e.args.positionKey))).toEqual(expected);
    expect(events.every((e) => e.args.liquidator === keeper.addresses[0])).toBe(true);
    // One scan found all three: one `liquidatePositions` transaction.
    expect(new Set(events.map((e) => e.transactionHash)).size).toBe(1);
    expect(await metricEventually(keeper.metrics, "liquidations_total", {}, (n) => n >= 3)).toBe(3);
    expect(await metricSum(keeper.metrics, "liquidations_failed_total")).toBe(0);
  });

  it("after a 12% jump the deviation guard defers, and the next update liquidates", async () => {
    await env.prices.setPrice("ETH", "2550");
    const expected = await mirrorLiquidatable();
    expect(expected).toEqual(new Set([keyOf.get(3)]));
    await waitFor(async () => !(await openKeys()).has(keyOf.get(3) as Hex), "the 10x long to be liquidated");
    expect(await metricSum(keeper.metrics, "liquidations_deferred_total")).toBeGreaterThanOrEqual(1);
    expect(await openKeys()).toEqual(new Set([keyOf.get(1), keyOf.get(2)]));
    expect(await metricEventually(keeper.metrics, "liquidations_total", {}, (n) => n >= 4)).toBe(4);
  });
});
