import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadKlinesFile } from "../../src/market-data/loadKlinesFile.js";
import { stressMarketSpec } from "../../src/stress/markets.js";
import {
  type PreparedStressScenario,
  prepareStressScenario,
  type StressScenarioParameters,
} from "../../src/stress/scenario.js";
import type { StressReport } from "../../src/stress/types.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** A fixture of this folder. */
export const fixture = (name: string): string => resolve(here, "fixtures", name);

/** The shared real price data (`SHARED_PRICES_DIR` or ../shared/data/prices beside the checkout). */
export const sharedPricesDir =
  process.env.SHARED_PRICES_DIR ?? resolve(here, "../../../../../shared/data/prices");

/** Why real-data tests are skipped ("" when the data is there). */
export function realDataSkipReason(paths: readonly string[]): string {
  const missing = paths.map((path) => resolve(sharedPricesDir, path)).filter((path) => !existsSync(path));
  return missing.length === 0
    ? ""
    : `SKIPPED: real price data not found (${missing.join(", ")}); set SHARED_PRICES_DIR`;
}

/** The 40-bar ETH (and optionally BTC) crash fixture with a small book. */
export function fixtureScenario(
  overrides: Partial<StressScenarioParameters> & { count?: number; seed?: number; twoMarkets?: boolean } = {},
): PreparedStressScenario {
  const { count, seed, twoMarkets, ...rest } = overrides;
  const series = [{ spec: stressMarketSpec("ETH"), klines: loadKlinesFile(fixture("eth-crash-40.csv")) }];
  if (twoMarkets === true) {
    series.push({
      spec: stressMarketSpec("BTC"),
      klines: loadKlinesFile(fixture("btc-crash-40-binance.csv")),
    });
  }
  return prepareStressScenario({
    series,
    book: { count: count ?? 400, seed: seed ?? 7 },
    latencySeconds: 2,
    delaySeconds: 10,
    slippageBps: 10,
    ...rest,
  });
}

/** A report as canonical JSON (bigints as strings), to compare runs. */
export function reportJson(report: StressReport): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));
}
