/**
 * Benchmark (a): latency from a request's transaction to its execution by the keeper on a local
 * chain. 50 accounts each keep one request in flight (create, wait for its execution, create the
 * next), 500 requests in all, alternating deposits and market orders. The keeper runs as its own
 * process (the CLI) with its default settings. Run: pnpm --filter @bastion/keeper bench:latency
 * Options (env): BENCH_REQUESTS (500), BENCH_IN_FLIGHT (50).
 */
import { createDeposit, createOrder, marketIncreaseOrder, parseUsd, toUnitPrice } from "@bastion/sdk";
import { parseEther } from "viem";
import {
  benchAccounts,
  fundToken,
  ms,
  pool,
  quantile,
  spawnBenchKeeper,
  startBenchEnv,
  watchExecutions,
} from "./lib/setup.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 50);
/**
 * Fixed gas for the users' create calls: an estimate made while the pool's escrow slot is non-zero
 * runs out of gas when the keeper has emptied it by the time the transaction is mined.
 */
const CREATE_GAS = 1_500_000n;

const env = await startBenchEnv();
const keeper = await spawnBenchKeeper(env);
const watcher = watchExecutions(env);
try {
  const { exchange, ethUsdMarket, usdc, weth } = env.deployment;
  console.log(`setup: ${IN_FLIGHT} accounts, seeding the ETH pool...`);
  const users = await benchAccounts(env, IN_FLIGHT, "latency");
  await pool(users, 10, (user) => fundToken(env, user, usdc, 10_000_000n * 10n ** 6n));
  const lp = users[0];
  if (lp === undefined) throw new Error("no users");
  await fundToken(env, lp, weth, parseEther("2000"));
  const seed = await createDeposit(lp, {
    exchange,
    market: ethUsdMarket,
    longTokenAmount: parseEther("2000"),
    shortTokenAmount: 6_000_000n * 10n ** 6n,
  });
  while (!watcher.seenAt.has(seed.requestId)) await new Promise((resolve) => setTimeout(resolve, 50));

  console.log(`running: ${REQUESTS} requests, ${IN_FLIGHT} in flight...`);
  const fromReceipt: number[] = [];
  const fromCall: number[] = [];
  const perUser = Math.ceil(REQUESTS / IN_FLIGHT);
  const started = performance.now();
  await pool(users, IN_FLIGHT, async (user, u) => {
    for (let n = 0; n < perUser && u * perUser + n < REQUESTS; n++) {
      const called = performance.now();
      const { requestId } =
        n % 2 === 0
          ? await createDeposit(user, {
              exchange,
              market: ethUsdMarket,
              shortTokenAmount: 100n * 10n ** 6n,
              gas: CREATE_GAS,
            })
          : await createOrder(user, {
              exchange,
              gas: CREATE_GAS,
              ...marketIncreaseOrder({
                market: ethUsdMarket,
                collateralToken: usdc,
                isLong: u % 2 === 0,
                sizeDeltaUsd: parseUsd("500"),
                collateralAmount: 100n * 10n ** 6n,
                indexPrice: toUnitPrice("3000", 18),
                slippageBps: 200,
              }),
            });
      const mined = performance.now();
      while (!watcher.seenAt.has(requestId)) await new Promise((resolve) => setTimeout(resolve, 5));
      const executed = watcher.seenAt.get(requestId) ?? Number.NaN;
      fromReceipt.push(Math.max(0, executed - mined));
      fromCall.push(executed - called);
    }
  });
  const elapsed = performance.now() - started;
  fromReceipt.sort((a, b) => a - b);
  fromCall.sort((a, b) => a - b);
  // The keeper counts an execution once its receipt arrives, a moment after the bench saw the event.
  let metrics = await fetchKeeperMetrics(keeper.output());
  for (
    let i = 0;
    i < 50 && metrics !== undefined && !metrics.startsWith(`executed ${fromReceipt.length}`);
    i++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    metrics = await fetchKeeperMetrics(keeper.output());
  }
  console.log("");
  console.log(
    `benchmark (a): request -> execution latency, ${fromReceipt.length} requests, ${IN_FLIGHT} in flight`,
  );
  console.log(
    `  from the creation receipt: p50 ${ms(quantile(fromReceipt, 0.5))}, p90 ${ms(quantile(fromReceipt, 0.9))}, p99 ${ms(quantile(fromReceipt, 0.99))}, max ${ms(fromReceipt.at(-1) ?? 0)}`,
  );
  console.log(
    `  from the create call (simulate + send + mine + execute): p50 ${ms(quantile(fromCall, 0.5))}, p99 ${ms(quantile(fromCall, 0.99))}`,
  );
  console.log(
    `  throughput: ${(fromReceipt.length / (elapsed / 1000)).toFixed(1)} requests/s over ${(elapsed / 1000).toFixed(1)} s`,
  );
  if (metrics) console.log(`  keeper: ${metrics}`);
} finally {
  watcher.stop();
  await keeper.stop();
  await env.stop();
}

async function fetchKeeperMetrics(output: string): Promise<string | undefined> {
  const url = /"metrics":"(http:[^"]+)"/.exec(output)?.[1];
  if (!url) return undefined;
  const text = await (await fetch(url)).text();
  const value = (name: string) =>
    text
      .split("\n")
      .filter((line) => line.startsWith(name))
      .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
  return `executed ${value("bastion_keeper_requests_executed_total")}, cancelled ${value("bastion_keeper_requests_cancelled_total")}, failed ${value("bastion_keeper_requests_failed_total")}, transactions ${value("bastion_keeper_transactions_sent_total")}`;
}
