import { exchangeAbi } from "@bastion/contracts";
import { getPosition, marketIncreaseOrder, parseUsd, toUnitPrice } from "@bastion/sdk";
import { parseEther } from "viem";
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
import { requestDeposit, requestOrder } from "./helpers/trading.js";

describe("ADL runner", () => {
  let env: TestEnv;
  let keeper: Keeper;

  beforeAll(async () => {
    env = await startTestEnv();
    keeper = await startKeeper(keeperInput(env, { priceIntervalMs: 250 }), { logger: testLogger() });
    // A small pool (10 WETH) and two longs reserving most of it.
    const seed = await requestDeposit(env, userAt(env, 0), {
      longAmount: parseEther("10"),
      shortAmount: 30_000n * 10n ** 6n,
    });
    await waitFor(async () => !(await isPending(env, "deposit", seed)), "the seed deposit");
    const open = (user: number, sizeUsd: string) =>
      requestOrder(
        env,
        userAt(env, user),
        marketIncreaseOrder({
          market: env.deployment.ethUsdMarket,
          collateralToken: env.deployment.usdc,
          isLong: true,
          sizeDeltaUsd: parseUsd(sizeUsd),
          collateralAmount: 5_000n * 10n ** 6n,
          indexPrice: toUnitPrice("3000", 18),
          slippageBps: 100,
        }),
      );
    const ids = [await open(1, "16000"), await open(2, "10000")];
    await waitFor(
      async () => (await Promise.all(ids.map((id) => isPending(env, "order", id)))).every((p) => !p),
      "the longs",
    );
  });
  afterAll(async () => {
    await keeper?.stop();
    await env?.stop();
  });

  it("deleverages the most profitable longs step by step until the contract reports the target", async () => {
    await env.prices.setPrice("ETH", "30000");
    const events = () =>
      env.publicClient.getContractEvents({
        address: env.exchange,
        abi: exchangeAbi,
        eventName: "AdlStateUpdated",
        fromBlock: 0n,
      });
    const episodeOver = await waitFor(
      async () => (await events()).find((e) => !e.args.active),
      "the end of the ADL episode",
    );
    expect(episodeOver.args.isLong).toBe(true);
    expect(episodeOver.args.pnlToPoolFactor).toBeLessThanOrEqual(50n * 10n ** 28n);
    const steps = await env.publicClient.getContractEvents({
      address: env.exchange,
      abi: exchangeAbi,
      eventName: "PositionDecreased",
      fromBlock: 0n,
    });
    const adl = steps.filter((e) => e.args.kind === 3);
    expect(adl.length).toBeGreaterThanOrEqual(1);
    expect(await metricEventually(keeper.metrics, "adl_steps_total", {}, (n) => n >= adl.length)).toBe(
      adl.length,
    );
    expect(await metricSum(keeper.metrics, "adl_failed_total")).toBe(0);
    // Both longs still exist or not, but neither grew, and the side is back at or below the target.
    const market = await import("@bastion/sdk").then((sdk) =>
      sdk.getMarket(env.publicClient, { exchange: env.exchange, market: env.deployment.ethUsdMarket }),
    );
    expect(market.adlActiveLong).toBe(false);
    const first = await getPosition(env.publicClient, {
      exchange: env.exchange,
      account: userAt(env, 1).account.address,
      market: env.deployment.ethUsdMarket,
      collateralToken: env.deployment.usdc,
      isLong: true,
    });
    expect(first?.sizeUsd ?? 0n).toBeLessThanOrEqual(parseUsd("16000"));
  });
});
