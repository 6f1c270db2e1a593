/**
 * Crash replays on the real price history in ../shared/data/prices (skipped, with the reason printed,
 * when it is absent; SHARED_PRICES_DIR may point elsewhere).
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKlinesFile } from "../../src/market-data/loadKlinesFile.js";
import { stressMarketSpec } from "../../src/stress/markets.js";
import {
  prepareStressScenario,
  runStressScenario,
  type StressMarginChoice,
} from "../../src/stress/scenario.js";
import type { StressReport } from "../../src/stress/types.js";
import { realDataSkipReason, sharedPricesDir } from "./helpers.js";

const MAY_2021 = "binance_futures_2021-05-19_excerpt";
const MARCH_2020 = "binance_futures_2020-03-12_13_excerpt";
const FTX = "binance_2022-11-08_10";
const KUCOIN = "binance_2024-08-05/ETHUSDT-1m-2024-08-05_kucoin_unsorted.csv";
const skipReason = realDataSkipReason([MAY_2021, MARCH_2020, FTX, KUCOIN]);
if (skipReason !== "") console.warn(skipReason);

const load = (path: string) => loadKlinesFile(resolve(sharedPricesDir, path));
const FIXED: StressMarginChoice = { kind: "fixed", factorE30: 10n ** 28n };
const VOL_AWARE: StressMarginChoice = { kind: "vol-aware", initialFactorE30: 10n ** 28n };

function conserved(report: StressReport): void {
  expect(report.totals.shortfallUsd).toBe(
    report.totals.coveredByInsuranceUsd + report.totals.absorbedByLpUsd,
  );
  for (const market of report.markets) {
    expect(market.insuranceFundEndUsd).toBeGreaterThanOrEqual(0n);
    expect(Number.isFinite(market.lpReturn)).toBe(true);
  }
}

describe.skipIf(skipReason !== "")(`crash replay on real data ${skipReason}`, () => {
  it("ETH + BTC 2021-05-19: a -51% wick leaves shortfalls under both margins", { timeout: 60_000 }, () => {
    const scenario = prepareStressScenario({
      series: [
        { spec: stressMarketSpec("ETH"), klines: load(`${MAY_2021}/ETHUSDT-1m-2021-05-19T1102_1316.csv`) },
        { spec: stressMarketSpec("BTC"), klines: load(`${MAY_2021}/BTCUSDT-1m-2021-05-19T1102_1316.csv`) },
      ],
      book: { count: 3_000, seed: 7 },
      latencySeconds: 2,
      delaySeconds: 10,
      slippageBps: 10,
    });
    const fixed = runStressScenario(scenario, FIXED);
    const volAware = runStressScenario(scenario, VOL_AWARE);
    for (const report of [fixed, volAware]) {
      conserved(report);
      expect(report.bars).toBe(135);
      expect(report.markets[0]?.lowPrice).toBe(1400.73);
      expect(report.totals.liquidations).toBeGreaterThan(1_000);
      expect(report.totals.shortfallUsd).toBeGreaterThan(0n);
    }
    expect(volAware.markets[0]?.maxMaintenanceMarginFactorE30).toBe(19n * 10n ** 27n);
    expect(volAware.markets[0]?.maintenanceMarginUpdates).toBeGreaterThan(0);
  });

  it("Black Thursday 2020: two series of different lengths replay on their common window", {
    timeout: 60_000,
  }, () => {
    const scenario = prepareStressScenario({
      series: [
        {
          spec: stressMarketSpec("ETH"),
          klines: load(`${MARCH_2020}/ETHUSDT-1m-2020-03-12T2303_2020-03-13T0400.csv`),
        },
        {
          spec: stressMarketSpec("BTC"),
          klines: load(`${MARCH_2020}/BTCUSDT-1m-2020-03-12T2303_2020-03-13T0347.csv`),
        },
      ],
      book: { count: 2_000, seed: 1 },
      latencySeconds: 2,
      delaySeconds: 10,
      slippageBps: 10,
    });
    expect(scenario.path.klines[0]).toHaveLength(285);
    const report = runStressScenario(scenario, FIXED);
    conserved(report);
    // The 02:39 bad print (high 323.00) is in the path: shorts get liquidated on it.
    expect(report.markets[0]?.highPrice).toBe(323);
    expect(report.events.some((event) => event.marketSymbol === "ETH" && !event.isLong)).toBe(true);
  });

  it("FTX 2022-11-09: a full day, two markets, 3,000 positions", { timeout: 60_000 }, () => {
    const scenario = prepareStressScenario({
      series: [
        { spec: stressMarketSpec("ETH"), klines: load(`${FTX}/ETHUSDT-1m-2022-11-09.csv`) },
        { spec: stressMarketSpec("BTC"), klines: load(`${FTX}/BTCUSDT-1m-2022-11-09.csv`) },
      ],
      book: { count: 3_000, seed: 7 },
      latencySeconds: 2,
      delaySeconds: 10,
      slippageBps: 10,
    });
    const report = runStressScenario(scenario, FIXED);
    conserved(report);
    expect(report.steps).toBe(5_760);
    expect(report.totals.liquidations).toBeGreaterThan(500);
  });

  it("rejects KuCoin's unsorted 7-column file with the line and the reason", () => {
    expect(() => load(KUCOIN)).toThrow(
      /kucoin_unsorted.csv: line 1: expected 6 columns .* or 12 columns .*, got 7/,
    );
  });
});
