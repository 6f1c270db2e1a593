import { exchangeAbi, poolTokenAbi } from "@bastion/contracts";
import {
  createWithdrawal,
  getPosition,
  getPositionKey,
  limitIncreaseOrder,
  marketIncreaseOrder,
  parseUsd,
  stopLossOrder,
  toUnitPrice,
} from "@bastion/sdk";
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
import { requestOrder, seedEthPoolRequest } from "./helpers/trading.js";

describe("executor: deposits, withdrawals, market, limit and stop orders", () => {
  let env: TestEnv;
  let keeper: Keeper;

  beforeAll(async () => {
    env = await startTestEnv();
    keeper = await startKeeper(keeperInput(env), { logger: testLogger() });
  });
  afterAll(async () => {
    await keeper?.stop();
    await env?.stop();
  });

  const long = (user: ReturnType<typeof userAt>) => ({
    market: env.deployment.ethUsdMarket,
    collateralToken: env.deployment.usdc,
    isLong: true,
    sizeDeltaUsd: parseUsd("10000"),
    collateralAmount: 2_000n * 10n ** 6n,
    slippageBps: 100,
    account: user.account.address,
  });

  it("executes a deposit (the pool's seed) and a withdrawal", async () => {
    const lp = userAt(env, 0);
    const id = await seedEthPoolRequest(env, lp);
    await waitFor(async () => !(await isPending(env, "deposit", id)), "the seed deposit to execute");
    const shares = await env.publicClient.readContract({
      address: env.deployment.ethUsdMarket,
      abi: poolTokenAbi,
      functionName: "balanceOf",
      args: [lp.account.address],
    });
    expect(shares).toBeGreaterThan(0n);
    const { requestId } = await createWithdrawal(lp, {
      exchange: env.exchange,
      market: env.deployment.ethUsdMarket,
      shares: shares / 100n,
    });
    await waitFor(async () => !(await isPending(env, "withdrawal", requestId)), "the withdrawal to execute");
    expect(
      await metricEventually(keeper.metrics, "requests_executed_total", { kind: "deposit" }, (n) => n >= 1),
    ).toBe(1);
    expect(
      await metricEventually(
        keeper.metrics,
        "requests_executed_total",
        { kind: "withdrawal" },
        (n) => n >= 1,
      ),
    ).toBe(1);
  });

  it("executes a market increase order", async () => {
    const trader = userAt(env, 1);
    const { account: _, ...input } = long(trader);
    const id = await requestOrder(
      env,
      trader,
      marketIncreaseOrder({ ...input, indexPrice: toUnitPrice("3000", 18) }),
    );
    await waitFor(async () => !(await isPending(env, "order", id)), "the market order to execute");
    const position = await getPosition(env.publicClient, {
      exchange: env.exchange,
      account: trader.account.address,
      market: env.deployment.ethUsdMarket,
      collateralToken: env.deployment.usdc,
      isLong: true,
    });
    expect(position?.sizeUsd).toBe(parseUsd("10000"));
  });

  it("holds a limit order until the price reaches its trigger, then executes it", async () => {
    const trader = userAt(env, 2);
    const { account: _, collateralAmount, ...input } = long(trader);
    const id = await requestOrder(
      env,
      trader,
      limitIncreaseOrder({ ...input, collateralAmount, triggerPrice: toUnitPrice("2900", 18) }),
    );
    const createdAt = Number((await env.publicClient.getBlock()).timestamp);
    // The keeper has checked the trigger against two newer updates and left the order pending.
    await waitFor(() => (keeper.priceFeed.latest?.publishTime ?? 0) >= createdAt + 2, "two price updates");
    await waitFor(
      () => keeper.executor?.pending.get(`order:${id}`)?.triggerCheckedAt !== undefined,
      "a trigger check",
    );
    expect(await isPending(env, "order", id)).toBe(true);
    await env.prices.setPrice("ETH", "2890");
    await waitFor(async () => !(await isPending(env, "order", id)), "the limit order to execute");
    const key = getPositionKey({
      account: trader.account.address,
      market: env.deployment.ethUsdMarket,
      collateralToken: env.deployment.usdc,
      isLong: true,
    });
    const position = await getPosition(env.publicClient, { exchange: env.exchange, key });
    expect(position?.sizeUsd).toBe(parseUsd("10000"));
  });

  it("closes a position with a stop-loss once the price falls to it", async () => {
    const trader = userAt(env, 1);
    const id = await requestOrder(
      env,
      trader,
      stopLossOrder({
        market: env.deployment.ethUsdMarket,
        collateralToken: env.deployment.usdc,
        isLong: true,
        sizeDeltaUsd: parseUsd("10000"),
        slippageBps: 100,
        triggerPrice: toUnitPrice("2800", 18),
      }),
    );
    const createdAt = Number((await env.publicClient.getBlock()).timestamp);
    await waitFor(() => (keeper.priceFeed.latest?.publishTime ?? 0) >= createdAt + 2, "two price updates");
    expect(await isPending(env, "order", id)).toBe(true);
    await env.prices.setPrice("ETH", "2795");
    await waitFor(async () => !(await isPending(env, "order", id)), "the stop-loss to execute");
    const position = await getPosition(env.publicClient, {
      exchange: env.exchange,
      account: trader.account.address,
      market: env.deployment.ethUsdMarket,
      collateralToken: env.deployment.usdc,
      isLong: true,
    });
    expect(position).toBeNull();
    const closed = await env.publicClient.getContractEvents({
      address: env.exchange,
      abi: exchangeAbi,
      eventName: "PositionDecreased",
      args: { account: trader.account.address },
      fromBlock: 0n,
    });
    expect(closed.map((e) => e.args.orderId)).toContain(id);
  });

  it("counted every execution and no failure", async () => {
    expect(
      await metricEventually(keeper.metrics, "requests_executed_total", { kind: "order" }, (n) => n >= 3),
    ).toBe(3);
    expect(await metricSum(keeper.metrics, "requests_failed_total")).toBe(0);
    expect(await metricSum(keeper.metrics, "requests_cancelled_total")).toBe(0);
    const text = await (await fetch(keeper.metricsUrl ?? "")).text();
    expect(text).toMatch(/bastion_keeper_execution_latency_seconds_count\{kind="order"\} 3/);
  });
});
