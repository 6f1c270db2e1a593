import { existsSync } from "node:fs";
import { join } from "node:path";
import { exchangeAbi, FLOAT_ONE } from "@bastion/contracts";
import type { Kline } from "@bastion/risk";
import { loadKlinesFile } from "@bastion/risk/node";
import { getMarket } from "@bastion/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeeperConfigError } from "../src/config/errors.js";
import type { HistorySource } from "../src/margin/historySource.js";
import { createCandlesHistorySource } from "../src/margin/historySource.js";
import { startKeeper } from "../src/startKeeper.js";
import { killSpawnedKeepers, spawnKeeper } from "./helpers/cliProcess.js";
import { keeperInput, startTestEnv, type TestEnv, testLogger, waitFor } from "./helpers/env.js";
import { metricSum } from "./helpers/metrics.js";

const PRICES_DIR = process.env.SHARED_PRICES_DIR ?? join(process.cwd(), "../../../shared/data/prices");
const FTX = ["08", "09", "10"].map((day) =>
  join(PRICES_DIR, "binance_2022-11-08_10", `ETHUSDT-1m-2022-11-${day}.csv`),
);
const haveData = FTX.every((file) => existsSync(file));

/** Replays three days of real 1-minute ETH bars (the FTX crash) as if they were the last three days. */
function ftxHistory(): HistorySource {
  const bars: Kline[] = FTX.flatMap((file) => loadKlinesFile(file));
  return {
    async minuteBars(_feedId, _from, to) {
      const shift = (Math.floor(to / 60) - bars.length) * 60_000 - (bars[0]?.openTimeMs ?? 0);
      return bars.map((bar) => ({ ...bar, openTimeMs: bar.openTimeMs + shift }));
    },
  };
}

describe("margin proposer and startup checks", () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(async () => {
    killSpawnedKeepers();
    await env?.stop();
  });

  it.skipIf(!haveData)(
    "calibrates on 3 days of history, clamps to the max step, and applies it once per interval",
    async () => {
      const market = env.deployment.ethUsdMarket;
      const before = await getMarket(env.publicClient, { exchange: env.exchange, market });
      const keeper = await startKeeper(
        keeperInput(env, {
          margin: "apply",
          executor: false,
          liquidator: false,
          adl: false,
          marginIntervalMs: 3_600_000,
        }),
        { logger: testLogger(), historySource: ftxHistory() },
      );
      try {
        const margin = keeper.margin;
        if (!margin) throw new Error("margin proposer not started");
        // The proposer's first run starts with the keeper.
        await waitFor(
          async () =>
            (await metricSum(keeper.metrics, "margin_proposals_total", { market: "WETH/USD" })) >= 1,
          "the first margin run",
        );
        expect(
          await metricSum(keeper.metrics, "margin_proposals_total", {
            market: "WETH/USD",
            outcome: "submitted",
          }),
        ).toBe(1);
        const { config, maintenanceMarginFactor: current } = before;
        const after = await getMarket(env.publicClient, { exchange: env.exchange, market });
        // The FTX days call for more than the current 1% (about 1.38%): one max step up, within the bounds.
        expect(after.maintenanceMarginFactor).toBe(current + config.margin.maxStep);
        expect(Number(after.maintenanceMarginFactor * 100n) / Number(FLOAT_ONE)).toBeCloseTo(1.25, 6);
        expect(after.maintenanceMarginFactor).toBeLessThanOrEqual(config.margin.maxMaintenanceMarginFactor);
        const events = await env.publicClient.getContractEvents({
          address: env.exchange,
          abi: exchangeAbi,
          eventName: "MaintenanceMarginUpdated",
          fromBlock: 0n,
        });
        const ethUpdates = events
          .filter((e) => e.args.market === market)
          .map((e) => [e.args.previousFactor, e.args.newFactor]);
        expect(ethUpdates.at(-1)).toEqual([current, after.maintenanceMarginFactor]);
        // Within minInterval, the next run only reports.
        const [again] = await margin.run();
        expect(again?.outcome).toBe("too_soon");
        const proposal = again?.proposal;
        if (proposal?.outcome !== "proposal") throw new Error("no proposal");
        expect(proposal.proposedE30).toBeGreaterThan(after.maintenanceMarginFactor);
        expect(proposal.historical.diagnostics.tailResolved).toBe(true);
      } finally {
        await keeper.stop();
      }
    },
  );

  it("log mode reports the proposal without sending; the price service's short history is not enough", async () => {
    const logOnly = await startKeeper(
      keeperInput(env, { margin: "log", executor: false, liquidator: false, adl: false }),
      {
        logger: testLogger(),
        historySource: haveData ? ftxHistory() : createCandlesHistorySource(env.prices.url),
      },
    );
    await logOnly.stop();
    const nonce = await env.publicClient.getTransactionCount({ address: logOnly.addresses[0] ?? "0x" });
    const results = await logOnly.margin?.run();
    expect(results?.every((r) => r.outcome !== "submitted")).toBe(true);
    expect(await env.publicClient.getTransactionCount({ address: logOnly.addresses[0] ?? "0x" })).toBe(nonce);

    const local = await startKeeper(
      keeperInput(env, { margin: "log", executor: false, liquidator: false, adl: false }),
      {
        logger: testLogger(),
      },
    );
    await local.stop();
    const bars = await createCandlesHistorySource(env.prices.url).minuteBars(
      local.registry.markets[0]?.feeds.index.feedId ?? "0x",
      Math.floor(Date.now() / 1000) - 3_600,
      Math.floor(Date.now() / 1000),
    );
    expect(bars.length).toBeLessThan(1000);
    const [eth] = (await local.margin?.run()) ?? [];
    expect(eth?.outcome).toBe("insufficient_history");
  });

  it("refuses a chain id the node does not have", async () => {
    const error = await startKeeper(
      keeperInput(env, {
        chainId: 1,
        deploymentFile: undefined,
        exchange: env.exchange,
        oracle: env.deployment.oracle,
      }),
      { logger: testLogger() },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeeperConfigError);
    expect((error as Error).message).toMatch(
      /chainId \(--chain-id, BASTION_KEEPER_CHAIN_ID\): configured 1, but the node at .* is chain 31337/,
    );
  });

  it("the CLI exits with code 2 and names every bad flag", async () => {
    const cli = spawnKeeper({}, [
      "--rpc-url",
      "nope",
      "--max-in-flight",
      "0",
      "--private-key",
      "0xdeadbeef",
      "--log-level",
      "loud",
    ]);
    expect(await cli.exited).toBe(2);
    const output = cli.output();
    expect(output).toContain("invalid keeper configuration");
    for (const field of [
      "rpcUrl (--rpc-url",
      "maxInFlight (--max-in-flight",
      "privateKeys[0] (--private-key",
      "logLevel (--log-level",
    ]) {
      expect(output).toContain(field);
    }
    expect(output).not.toContain("deadbeef");
  });
});
