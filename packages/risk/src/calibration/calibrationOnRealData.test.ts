import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import { loadKlinesFile } from "../market-data/loadKlinesFile.js";
import { parkinsonVolatility } from "../volatility/parkinsonVolatility.js";
import { calibrateMaintenanceMarginHistorical } from "./calibrateMaintenanceMarginHistorical.js";
import {
  type CalibrateMaintenanceMarginParametricParameters,
  calibrateMaintenanceMarginParametric,
} from "./calibrateMaintenanceMarginParametric.js";
import { clipIsolatedWicks } from "./clipIsolatedWicks.js";
import { factorE30ToFraction } from "./fixedPoint.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const sharedPrices = process.env.SHARED_PRICES_DIR ?? resolve(here, "../../../../../shared/data/prices");
const ftxDir = resolve(sharedPrices, "binance_2022-11-08_10");
const blackThursday = resolve(
  sharedPrices,
  "binance_futures_2020-03-12_13_excerpt/ETHUSDT-1m-2020-03-12T2303_2020-03-13T0400.csv",
);
const missing = [ftxDir, blackThursday].filter((path) => !existsSync(path));
const skipReason =
  missing.length === 0
    ? ""
    : `SKIPPED: real price data not found (${missing.join(", ")}); set SHARED_PRICES_DIR`;
if (skipReason !== "") console.warn(skipReason);

const parameters: CalibrateMaintenanceMarginParametricParameters = {
  oracleLatencySeconds: 2,
  liquidationDelaySeconds: 10,
  slippage: {
    fixedBps: 5,
    impactBpsAtDepth: 20,
    referenceSizeUsd: 1_000_000n,
    depthUsd: 10_000_000n,
    crashMultiplier: 2,
  },
  closeFeeFactorE30: 5n * 10n ** 26n,
  targetShortfallProbability: 0.001,
  ewmaLambda: 0.94,
};

/** The 12-hour windows (hour grid) with the lowest and the highest Parkinson volatility. */
function calmestAndWildest(klines: readonly Kline[]): { calm: Kline[]; crash: Kline[] } {
  const windows: Kline[][] = [];
  for (let start = 0; start + 720 <= klines.length; start += 60)
    windows.push(klines.slice(start, start + 720));
  const ranked = windows
    .map((window) => ({ window, volatility: parkinsonVolatility(window).perBarVolatility }))
    .sort((a, b) => a.volatility - b.volatility);
  return { calm: ranked[0]?.window ?? [], crash: ranked.at(-1)?.window ?? [] };
}

const percent = (factorE30: bigint): string => `${(factorE30ToFraction(factorE30) * 100).toFixed(4)}%`;
const start = (klines: readonly Kline[]): string =>
  new Date(klines[0]?.openTimeMs ?? 0).toISOString().slice(0, 16);

describe.skipIf(skipReason !== "")(`maintenance margin on real crash data ${skipReason}`, () => {
  for (const symbol of ["ETH", "BTC"]) {
    it(`${symbol} FTX week: the most volatile 12 h calibrate above the calmest 12 h, both methods`, () => {
      const series = ["08", "09", "10"].flatMap((day) =>
        loadKlinesFile(resolve(ftxDir, `${symbol}USDT-1m-2022-11-${day}.csv`)),
      );
      const { calm, crash } = calmestAndWildest(series);
      for (const targetShortfallProbability of [0.001, 0.01]) {
        const p = { ...parameters, targetShortfallProbability };
        const calmHistorical = calibrateMaintenanceMarginHistorical(calm, p).factorE30;
        const crashHistorical = calibrateMaintenanceMarginHistorical(crash, p).factorE30;
        const calmParametric = calibrateMaintenanceMarginParametric(calm, p).factorE30;
        const crashParametric = calibrateMaintenanceMarginParametric(crash, p).factorE30;
        console.log(
          `${symbol} p=${targetShortfallProbability}: calm ${start(calm)} +12h historical ${percent(calmHistorical)} parametric ${percent(calmParametric)}; ` +
            `crash ${start(crash)} +12h historical ${percent(crashHistorical)} parametric ${percent(crashParametric)}`,
        );
        expect(crashHistorical).toBeGreaterThan(calmHistorical);
        expect(crashParametric).toBeGreaterThan(calmParametric);
      }
    });
  }

  it("ETH Black Thursday calibrates above the calm FTX-week window once the 323.00 bad print is clipped", () => {
    const raw = loadKlinesFile(blackThursday);
    const { klines: clipped, clipped: removed } = clipIsolatedWicks(raw, 0.2);
    expect(
      removed.map((wick) => [new Date(wick.openTimeMs).toISOString(), wick.field, wick.original]),
    ).toEqual([["2020-03-13T02:39:00.000Z", "high", 323]]);
    const series = ["08", "09", "10"].flatMap((day) =>
      loadKlinesFile(resolve(ftxDir, `ETHUSDT-1m-2022-11-${day}.csv`)),
    );
    const { calm } = calmestAndWildest(series);
    const rawFactor = calibrateMaintenanceMarginHistorical(raw, parameters).factorE30;
    const crashHistorical = calibrateMaintenanceMarginHistorical(clipped, parameters);
    const crashParametric = calibrateMaintenanceMarginParametric(clipped, parameters);
    console.log(
      `ETH 2020-03-12/13: historical raw ${percent(rawFactor)}, clipped ${percent(crashHistorical.factorE30)} ` +
        `(tail resolved: ${crashHistorical.diagnostics.tailResolved}), parametric ${percent(crashParametric.factorE30)}`,
    );
    expect(rawFactor).toBeGreaterThan(crashHistorical.factorE30); // the bad print alone would demand far more
    expect(crashHistorical.factorE30).toBeGreaterThan(
      calibrateMaintenanceMarginHistorical(calm, parameters).factorE30,
    );
    expect(crashParametric.factorE30).toBeGreaterThan(
      calibrateMaintenanceMarginParametric(calm, parameters).factorE30,
    );
  });
});
