import { exchangeAbi } from "@bastion/contracts";
import { DEVCHAIN_DEPLOYMENT_FILE } from "@bastion/devchain";
import { marketIncreaseOrder, parseUsd, toUnitPrice } from "@bastion/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Keeper, startKeeper } from "../src/startKeeper.js";
import { killSpawnedKeepers, spawnKeeper } from "./helpers/cliProcess.js";
import {
  isPending,
  keeperInput,
  startTestEnv,
  type TestEnv,
  testLogger,
  userAt,
  waitFor,
} from "./helpers/env.js";
import { startHermesProxy } from "./helpers/hermesProxy.js";
import { captureLogs } from "./helpers/logCapture.js";
import { metricEventually, metricSum } from "./helpers/metrics.js";
import { requestDeposit, requestOrder, seedEthPoolRequest } from "./helpers/trading.js";

type Kind = "deposit" | "order";

/** How many times each request id was executed or cancelled on chain. */
async function executionsById(
  env: TestEnv,
): Promise<{ executed: Map<bigint, number>; cancelled: Set<bigint> }> {
  const base = { address: env.exchange, abi: exchangeAbi, fromBlock: 0n } as const;
  const [deposits, increases, cancels] = await Promise.all([
    env.publicClient.getContractEvents({ ...base, eventName: "DepositExecuted" }),
    env.publicClient.getContractEvents({ ...base, eventName: "PositionIncreased" }),
    env.publicClient.getContractEvents({ ...base, eventName: "RequestCancelled" }),
  ]);
  const executed = new Map<bigint, number>();
  for (const id of [...deposits.map((e) => e.args.id), ...increases.map((e) => e.args.orderId)]) {
    if (id !== undefined) executed.set(id, (executed.get(id) ?? 0) + 1);
  }
  return { executed, cancelled: new Set(cancels.map((e) => e.args.id as bigint)) };
}

describe("resilience", () => {
  let env: TestEnv;
  const created: { kind: Kind; id: bigint }[] = [];

  const order = (user: number, sizeUsd = "2000") =>
    requestOrder(
      env,
      userAt(env, user),
      marketIncreaseOrder({
        market: env.deployment.ethUsdMarket,
        collateralToken: env.deployment.usdc,
        isLong: user % 2 === 0,
        sizeDeltaUsd: parseUsd(sizeUsd),
        collateralAmount: 500n * 10n ** 6n,
        indexPrice: toUnitPrice("3000", 18),
        slippageBps: 100,
      }),
    ).then((id) => {
      created.push({ kind: "order", id });
      return id;
    });
  const deposit = (user: number) =>
    requestDeposit(env, userAt(env, user)).then((id) => {
      created.push({ kind: "deposit", id });
      return id;
    });
  const allDone = (ids: { kind: Kind; id: bigint }[]) => async () =>
    (await Promise.all(ids.map(({ kind, id }) => isPending(env, kind, id)))).every((pending) => !pending);

  beforeAll(async () => {
    env = await startTestEnv();
    // Seed the ETH pool with a short-lived keeper, so each scenario below stands on its own.
    const seeder = await startKeeper(keeperInput(env), { logger: testLogger() });
    try {
      const seed = await seedEthPoolRequest(env, userAt(env, 0));
      created.push({ kind: "deposit", id: seed });
      await waitFor(allDone(created), "the seed deposit");
    } finally {
      await seeder.stop();
    }
  });
  afterAll(async () => {
    killSpawnedKeepers();
    await env?.stop();
  });

  it("killed with SIGKILL between requests and restarted, loses no request and executes none twice", async () => {
    const cliEnv = {
      BASTION_KEEPER_RPC_URL: env.devchain.rpcUrl,
      BASTION_KEEPER_HERMES_URL: env.prices.url,
      BASTION_KEEPER_DEPLOYMENT: DEVCHAIN_DEPLOYMENT_FILE,
      BASTION_KEEPER_PRIVATE_KEYS: env.devchain.accounts.keeper.privateKey,
      BASTION_KEEPER_METRICS_PORT: "0",
      BASTION_KEEPER_POLL_INTERVAL_MS: "50",
      BASTION_KEEPER_RECONCILE_INTERVAL_MS: "1000",
      BASTION_KEEPER_MARGIN: "off",
      BASTION_KEEPER_LOG_LEVEL: "info",
    };
    const first = spawnKeeper(cliEnv);
    await waitFor(() => first.output().includes('"msg":"keeper started"'), "the CLI keeper to start");
    const before = [await deposit(1), await order(2), await deposit(3)];
    await waitFor(allDone(created), "the first requests to execute");
    expect(before).toHaveLength(3);

    expect(await first.kill()).toBe("SIGKILL");
    const whileDown = [
      { kind: "deposit" as const, id: await deposit(4) },
      { kind: "order" as const, id: await order(5) },
      { kind: "order" as const, id: await order(6) },
      { kind: "deposit" as const, id: await deposit(1) },
    ];
    for (const { kind, id } of whileDown) expect(await isPending(env, kind, id)).toBe(true);

    const second = spawnKeeper(cliEnv);
    try {
      await waitFor(allDone(whileDown), "the requests created while the keeper was down");
      expect(second.output()).toMatch(/"source":"pending-list"/);
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
    const { executed, cancelled } = await executionsById(env);
    for (const { id } of created) expect(executed.get(id)).toBe(1);
    expect(cancelled.size).toBe(0);
    // No secret ever reached the logs.
    expect(first.output() + second.output()).not.toContain(env.devchain.accounts.keeper.privateKey.slice(2));
  });

  it("two keepers at once (keeper and secondKeeper) never double-execute and count no failure", async () => {
    const keepers: Keeper[] = await Promise.all([
      startKeeper(keeperInput(env), { logger: testLogger() }),
      startKeeper(keeperInput(env, { privateKeys: [env.devchain.accounts.secondKeeper.privateKey] }), {
        logger: testLogger(),
      }),
    ]);
    try {
      const batch = (
        await Promise.all(
          [1, 2, 3, 4, 5, 6].map(async (user) => [
            { kind: "deposit" as const, id: await deposit(user) },
            { kind: "order" as const, id: await order(user, "1000") },
            { kind: "deposit" as const, id: await deposit(user) },
          ]),
        )
      ).flat();
      await waitFor(allDone(batch), "every request to execute");
      const { executed, cancelled } = await executionsById(env);
      for (const { id } of batch) expect(executed.get(id)).toBe(1);
      expect(batch.some(({ id }) => cancelled.has(id))).toBe(false);
      const [a, b] = keepers as [Keeper, Keeper];
      const executedBy = async (k: Keeper) => metricSum(k.metrics, "requests_executed_total");
      await waitFor(
        async () => (await executedBy(a)) + (await executedBy(b)) >= batch.length,
        "both keepers to count",
      );
      expect((await executedBy(a)) + (await executedBy(b))).toBe(batch.length);
      // Every send of the race got its receipt (the losers' too): nothing is left waiting.
      await waitFor(() => keepers.every((k) => k.clients.receipts.pending === 0), "no receipt left pending");
      for (const k of keepers) {
        expect(await metricSum(k.metrics, "requests_failed_total")).toBe(0);
        expect(await metricSum(k.metrics, "requests_cancelled_total")).toBe(0);
      }
    } finally {
      await Promise.all(keepers.map((k) => k.stop()));
    }
  });

  it("waits while Hermes is down (backing off, errors counted), then executes", async () => {
    const proxy = await startHermesProxy(env.prices.url);
    const keeper = await startKeeper(
      keeperInput(env, { hermesUrl: proxy.url, priceIntervalMs: 200, retryBaseMs: 200, retryMaxMs: 5000 }),
      { logger: testLogger() },
    );
    try {
      await waitFor(() => keeper.priceFeed.latest, "a first price update");
      proxy.setDown(true);
      // Requests created after the last update the keeper holds need a newer one from Hermes (a
      // failure first: no fetch that started before the outage is still on its way).
      await waitFor(() => keeper.priceFeed.fetches.failed >= 1, "a first failed fetch");
      const lastPublished = keeper.priceFeed.latest?.publishTime ?? 0;
      await waitFor(() => Date.now() / 1000 >= lastPublished + 1, "a second after the last update");
      const ids = [
        { kind: "deposit" as const, id: await deposit(2) },
        { kind: "deposit" as const, id: await deposit(3) },
      ];
      await waitFor(() => keeper.priceFeed.fetches.failed >= 5, "five failed Hermes fetches");
      for (const { kind, id } of ids) expect(await isPending(env, kind, id)).toBe(true);
      // Every failure is one call (no hidden retries, no tight loop) and the delay grew exponentially:
      // after the 5th failure it is at least half of 200 ms x 2^4.
      const failed = keeper.priceFeed.fetches.failed;
      expect(proxy.calls.down).toBeGreaterThanOrEqual(failed);
      expect(proxy.calls.down).toBeLessThanOrEqual(failed + 1);
      expect(keeper.priceFeed.backoffMs).toBeGreaterThanOrEqual(1600);
      expect(await metricSum(keeper.metrics, "hermes_errors_total", { code: "http" })).toBeGreaterThanOrEqual(
        5,
      );
      expect(await metricSum(keeper.metrics, "hermes_backoff_ms")).toBeGreaterThanOrEqual(1600);

      proxy.setDown(false);
      await waitFor(allDone(ids), "the requests to execute once Hermes is back");
      expect(await metricSum(keeper.metrics, "hermes_backoff_ms")).toBe(0);
      expect(
        await metricEventually(keeper.metrics, "requests_executed_total", {}, (n) => n >= ids.length),
      ).toBe(ids.length);
    } finally {
      await keeper.stop();
      await proxy.stop();
    }
  });

  it("with fees above the cap, skips and reports instead of sending, and reports the request stuck", async () => {
    const logs = captureLogs("info");
    const keeper = await startKeeper(keeperInput(env, { maxFeePerGasGwei: "0.01", stuckAfterSeconds: 1 }), {
      logger: logs.logger,
    });
    try {
      const nonce = await env.publicClient.getTransactionCount({ address: keeper.addresses[0] ?? "0x" });
      const id = await deposit(5);
      await waitFor(
        async () => (await metricSum(keeper.metrics, "fee_cap_skips_total")) >= 2,
        "two capped attempts",
      );
      expect(
        await metricSum(keeper.metrics, "requests_skipped_total", { reason: "fee_cap" }),
      ).toBeGreaterThanOrEqual(2);
      await waitFor(
        async () => (await metricSum(keeper.metrics, "stuck_requests")) === 1,
        "the stuck report",
      );
      const stuck = logs.lines().find((line) => line.msg === "request stuck beyond threshold");
      expect(stuck).toMatchObject({ kind: "deposit", id: String(id) });
      expect(String(stuck?.lastError)).toMatch(/FeeCapExceeded/);
      expect(await isPending(env, "deposit", id)).toBe(true);
      expect(await env.publicClient.getTransactionCount({ address: keeper.addresses[0] ?? "0x" })).toBe(
        nonce,
      );
    } finally {
      await keeper.stop();
    }
  });

  it("repairs a nonce gap (a nonce consumed but never sent) and the request still executes", async () => {
    const keeper = await startKeeper(keeperInput(env), { logger: testLogger() });
    try {
      const signer = keeper.clients.signers[0];
      const nonceManager = signer?.client.account.nonceManager;
      if (!signer || !nonceManager) throw new Error("no nonce manager");
      // Nothing else to send (the fee-capped deposit above executes first), then lose a nonce, as a
      // send that failed after taking one would.
      await waitFor(() => keeper.executor?.pending.size === 0, "an idle executor");
      await nonceManager.consume({
        address: signer.address,
        chainId: keeper.clients.chain.id,
        client: signer.client,
      });
      const id = await deposit(6);
      await waitFor(
        async () => !(await isPending(env, "deposit", id)),
        "the deposit behind the gap to execute",
      );
      expect(await metricSum(keeper.metrics, "nonce_resyncs_total")).toBeGreaterThanOrEqual(1);
      // The request behind the gap (and any left by the fee-cap scenario) executed.
      expect(
        await metricEventually(keeper.metrics, "requests_executed_total", {}, (n) => n >= 1),
      ).toBeGreaterThanOrEqual(1);
    } finally {
      await keeper.stop();
    }
  });
});
