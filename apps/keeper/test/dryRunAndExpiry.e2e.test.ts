import { exchangeAbi } from "@bastion/contracts";
import { getRequest, marketIncreaseOrder, parseUsd, toUnitPrice } from "@bastion/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Keeper, startKeeper } from "../src/startKeeper.js";
import {
  balanceOf,
  isPending,
  keeperInput,
  startTestEnv,
  type TestEnv,
  testLogger,
  userAt,
  waitFor,
} from "./helpers/env.js";
import { captureLogs } from "./helpers/logCapture.js";
import { metricEventually, metricSum } from "./helpers/metrics.js";
import { requestDeposit, requestOrder } from "./helpers/trading.js";

describe("dry run, then a request whose price window expired", () => {
  let env: TestEnv;
  let dry: Keeper;
  const logs = captureLogs("info");
  const requests: {
    kind: "deposit" | "order";
    id: bigint;
    owner: `0x${string}`;
    ethAfterCreate: bigint;
    usdcBefore: bigint;
  }[] = [];

  beforeAll(async () => {
    env = await startTestEnv();
    dry = await startKeeper(keeperInput(env, { dryRun: true }), { logger: logs.logger });
  });
  afterAll(async () => {
    await dry?.stop();
    await env?.stop();
  });

  it("dry run decides and logs, and sends nothing", async () => {
    const keeperAddress = env.devchain.accounts.keeper.address;
    const nonceBefore = await env.publicClient.getTransactionCount({ address: keeperAddress });
    for (const [index, kind] of [
      [1, "deposit"],
      [2, "order"],
    ] as const) {
      const user = userAt(env, index);
      const usdcBefore = await balanceOf(env, env.deployment.usdc, user.account.address);
      const id =
        kind === "deposit"
          ? await requestDeposit(env, user)
          : await requestOrder(
              env,
              user,
              marketIncreaseOrder({
                market: env.deployment.ethUsdMarket,
                collateralToken: env.deployment.usdc,
                isLong: true,
                sizeDeltaUsd: parseUsd("1000"),
                collateralAmount: 100n * 10n ** 6n,
                indexPrice: toUnitPrice("3000", 18),
                slippageBps: 100,
              }),
            );
      const ethAfterCreate = await env.publicClient.getBalance({ address: user.account.address });
      // requestDeposit / requestOrder minted the escrow first: the refund must bring it back.
      requests.push({
        kind,
        id,
        owner: user.account.address,
        ethAfterCreate,
        usdcBefore: usdcBefore + (kind === "deposit" ? 1_000n : 100n) * 10n ** 6n,
      });
    }
    await waitFor(
      async () => (await metricSum(dry.metrics, "requests_skipped_total", { reason: "dry_run" })) >= 2,
      "two dry-run decisions",
    );
    const decisions = logs.lines().filter((line) => line.msg === "dry run: would execute");
    expect(decisions.map((line) => line.id).sort()).toEqual(requests.map((r) => String(r.id)).sort());
    expect(decisions.every((line) => line.dryRun === true)).toBe(true);
    expect(await env.publicClient.getTransactionCount({ address: keeperAddress })).toBe(nonceBefore);
    for (const { kind, id } of requests) expect(await isPending(env, kind, id)).toBe(true);
    expect(logs.text()).not.toContain(env.devchain.accounts.keeper.privateKey.slice(2));
  });

  it("cancels an expired request, refunding escrow and execution fee to the owner", async () => {
    const settings = dry.registry.settings;
    // The keeper was stopped until after the window: move the chain past createdAt + requestExpiry.
    await env.publicClient.request({
      method: "evm_increaseTime",
      params: [`0x${(Number(settings.requestExpiry) + 2).toString(16)}`],
    } as never);
    await env.publicClient.request({ method: "evm_mine", params: [] } as never);
    await waitFor(
      async () => (await metricSum(dry.metrics, "requests_skipped_total", { reason: "dry_run" })) >= 4,
      "dry-run cancel decisions",
    );
    expect(logs.lines().filter((line) => line.msg === "dry run: would cancel")).toHaveLength(2);
    await dry.stop();

    const fees = new Map<bigint, bigint>();
    for (const { kind, id } of requests) {
      const request = await getRequest(env.publicClient, { exchange: env.exchange, kind, id });
      fees.set(id, request?.executionFee ?? 0n);
    }
    const keeper = await startKeeper(keeperInput(env), { logger: testLogger() });
    try {
      await waitFor(
        async () => (await Promise.all(requests.map((r) => isPending(env, r.kind, r.id)))).every((p) => !p),
        "the cancellations",
      );
      const cancelled = await env.publicClient.getContractEvents({
        address: env.exchange,
        abi: exchangeAbi,
        eventName: "RequestCancelled",
        fromBlock: 0n,
      });
      expect(cancelled).toHaveLength(2);
      for (const event of cancelled) {
        expect(event.args.cancelledBy).toBe(keeper.addresses[0]);
        expect(event.args.reason).toBe("0x");
      }
      for (const request of requests) {
        expect(await balanceOf(env, env.deployment.usdc, request.owner)).toBe(request.usdcBefore);
        const eth = await env.publicClient.getBalance({ address: request.owner });
        expect(eth - request.ethAfterCreate).toBe(fees.get(request.id));
        expect(fees.get(request.id)).toBeGreaterThan(0n);
      }
      expect(
        await metricEventually(
          keeper.metrics,
          "requests_cancelled_total",
          { reason: "expired" },
          (n) => n >= 2,
        ),
      ).toBe(2);
      expect(await metricSum(keeper.metrics, "requests_executed_total")).toBe(0);
    } finally {
      await keeper.stop();
    }
  });
});
