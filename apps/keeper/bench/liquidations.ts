/**
 * Benchmark (b): liquidation reaction. 1,000 positions ($2,000 longs at 30x on ETH/USD, half with
 * USDC collateral, half with WETH) are opened through the keeper; then one price update moves ETH
 * from 3,000 to 2,910 (-3%), which puts every one of them below maintenance margin. Measured: the
 * time from that update's publication to the last position liquidated, and the keeper's transactions.
 * The keeper runs as its own process (the CLI) with its default settings.
 * Run: pnpm --filter @bastion/keeper bench:liquidations   Options (env): BENCH_POSITIONS (1000),
 * BENCH_LIQUIDATION_CONCURRENCY and BENCH_LIQUIDATION_BATCH_SIZE (the keeper's defaults otherwise).
 */
import { exchangeAbi } from "@bastion/contracts";
import { createDeposit, createOrder, marketIncreaseOrder, parseUsd, toUnitPrice } from "@bastion/sdk";
import { parseEther } from "viem";
import { benchAccounts, fundToken, ms, pool, spawnBenchKeeper, startBenchEnv } from "./lib/setup.js";

const POSITIONS = Number(process.env.BENCH_POSITIONS ?? 1000);
const CREATE_GAS = 1_500_000n;

const env = await startBenchEnv();
const keeper = await spawnBenchKeeper(env, {
  ...(process.env.BENCH_LIQUIDATION_CONCURRENCY
    ? { BASTION_KEEPER_LIQUIDATION_CONCURRENCY: process.env.BENCH_LIQUIDATION_CONCURRENCY }
    : {}),
  ...(process.env.BENCH_LIQUIDATION_BATCH_SIZE
    ? { BASTION_KEEPER_LIQUIDATION_BATCH_SIZE: process.env.BENCH_LIQUIDATION_BATCH_SIZE }
    : {}),
});
try {
  const { exchange, ethUsdMarket: market, usdc, weth } = env.deployment;
  const positionCount = () =>
    env.publicClient.readContract({
      address: exchange,
      abi: exchangeAbi,
      functionName: "getPositionCount",
      args: [market],
    });
  const accounts = Math.ceil(POSITIONS / 2);
  console.log(
    `setup: ${accounts} accounts, ${POSITIONS} positions at 30x (the keeper executes the opens)...`,
  );
  const setupStart = performance.now();
  const [lp, ...users] = await benchAccounts(env, accounts + 1, "liquidations");
  if (lp === undefined) throw new Error("no accounts");
  await fundToken(env, lp, weth, parseEther("3000"));
  await fundToken(env, lp, usdc, 9_000_000n * 10n ** 6n);
  await createDeposit(lp, {
    exchange,
    market,
    longTokenAmount: parseEther("3000"),
    shortTokenAmount: 9_000_000n * 10n ** 6n,
    gas: CREATE_GAS,
  });
  let opened = 0;
  await pool(users, 16, async (user, index) => {
    await fundToken(env, user, usdc, 100n * 10n ** 6n);
    await fundToken(env, user, weth, parseEther("0.05"));
    for (const collateral of [usdc, weth]) {
      if (index * 2 + (collateral === usdc ? 0 : 1) >= POSITIONS) break;
      await createOrder(user, {
        exchange,
        gas: CREATE_GAS,
        ...marketIncreaseOrder({
          market,
          collateralToken: collateral,
          isLong: true,
          sizeDeltaUsd: parseUsd("2000"),
          collateralAmount: collateral === usdc ? 66_670_000n : parseEther("0.02222"),
          indexPrice: toUnitPrice("3000", 18),
          slippageBps: 300,
        }),
      });
      opened += 1;
    }
  });
  while ((await positionCount()) < BigInt(opened)) await new Promise((resolve) => setTimeout(resolve, 200));
  console.log(
    `setup done in ${((performance.now() - setupStart) / 1000).toFixed(0)} s: ${await positionCount()} open positions`,
  );

  const nonceBefore = await env.publicClient.getTransactionCount({ address: keeper.address });
  const metricsBefore = await keeperMetrics(keeper.output());
  const fromBlock = (await env.publicClient.getBlockNumber({ cacheTime: 0 })) + 1n;
  const sent = performance.now();
  const publishTime = await env.prices.setPrice("ETH", "2910");
  const published = performance.now();
  let first: number | undefined;
  for (;;) {
    const count = await positionCount();
    if (first === undefined && count < BigInt(opened)) first = performance.now();
    if (count === 0n) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const done = performance.now();
  const nonceAfter = await env.publicClient.getTransactionCount({ address: keeper.address });
  const liquidated = await env.publicClient.getContractEvents({
    address: exchange,
    abi: exchangeAbi,
    eventName: "PositionLiquidated",
    fromBlock,
  });
  // The keeper counts a liquidation once its receipt arrives, a moment after the chain shows it.
  let metricsAfter = await keeperMetrics(keeper.output());
  for (let i = 0; i < 50; i++) {
    const counted =
      (metricsAfter?.get("bastion_keeper_liquidations_total") ?? 0) -
      (metricsBefore?.get("bastion_keeper_liquidations_total") ?? 0);
    if (counted >= liquidated.length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
    metricsAfter = await keeperMetrics(keeper.output());
  }
  const blocks = new Set(liquidated.map((e) => e.blockNumber));
  console.log("");
  console.log(
    `benchmark (b): liquidation reaction, ${opened} positions made liquidatable by one price update (ETH 3000 -> 2910, published at ${publishTime})`,
  );
  console.log(`  from the update's publication to the first liquidation: ${ms((first ?? done) - published)}`);
  console.log(
    `  from the update's publication to all ${liquidated.length} liquidated: ${ms(done - published)} (price POST answered after ${ms(published - sent)})`,
  );
  console.log(
    `  keeper transactions: ${nonceAfter - nonceBefore} (${liquidated.length} liquidations, in ${blocks.size} blocks)`,
  );
  if (metricsBefore && metricsAfter) {
    const delta = (name: string) => (metricsAfter.get(name) ?? 0) - (metricsBefore.get(name) ?? 0);
    console.log(
      `  keeper metrics: liquidations ${delta("bastion_keeper_liquidations_total")}, deferred ${delta("bastion_keeper_liquidations_deferred_total")}, failed ${delta("bastion_keeper_liquidations_failed_total")}, shortfalls ${delta("bastion_keeper_shortfalls_total")}`,
    );
  }
} finally {
  await keeper.stop();
  await env.stop();
}

async function keeperMetrics(output: string): Promise<Map<string, number> | undefined> {
  const url = /"metrics":"(http:[^"]+)"/.exec(output)?.[1];
  if (!url) return undefined;
  const text = await (await fetch(url)).text();
  const sums = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const name = line.split(/[{ ]/)[0] ?? "";
    sums.set(name, (sums.get(name) ?? 0) + Number(line.split(" ").at(-1)));
  }
  return sums;
}
