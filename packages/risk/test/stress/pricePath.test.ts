import { describe, expect, it } from "vitest";
import type { Kline } from "../../src/market-data/kline.js";
import { KlineParseError } from "../../src/market-data/klineParseError.js";
import { loadKlinesFile } from "../../src/market-data/loadKlinesFile.js";
import { MisalignedSeriesError, UnknownMarketError } from "../../src/stress/errors.js";
import { inferMarketSymbol, stressMarketSpec } from "../../src/stress/markets.js";
import { buildPricePath, priceAtTime } from "../../src/stress/pricePath.js";
import {
  formatFactorE30,
  formatUsdE30,
  fractionToFactorE30,
  priceE30PerUnit,
  priceE30ToNumber,
  usdToE30,
} from "../../src/stress/units.js";
import { NonPositivePriceError, UnsortedTimestampsError } from "../../src/volatility/errors.js";
import { fixture } from "./helpers.js";

const ETH = stressMarketSpec("ETH");
const BTC = stressMarketSpec("BTC");
const bar = (minute: number, open: number, high: number, low: number, close: number): Kline => ({
  openTimeMs: 1_700_000_040_000 + minute * 60_000,
  open,
  high,
  low,
  close,
  volume: 1,
});

describe("units", () => {
  it("converts kline prices to the contracts' unit exactly", () => {
    expect(priceE30PerUnit(2836.04, 18)).toBe(2_836_040_000_000_000n);
    expect(priceE30PerUnit(1, 6)).toBe(10n ** 24n);
    expect(priceE30PerUnit(20_578.5, 8)).toBe(205_785n * 10n ** 21n);
    expect(priceE30PerUnit(0.00001234, 18)).toBe(12_340_000n);
    expect(priceE30ToNumber(2_836_040_000_000_000n, 18)).toBe(2836.04);
    expect(usdToE30(1234.567)).toBe(123_457n * 10n ** 28n);
    expect(fractionToFactorE30(0.0125)).toBe(125n * 10n ** 26n);
    expect(formatUsdE30(1_234_567n * 10n ** 30n)).toBe("$1,234,567");
    expect(formatUsdE30(-1_234n * 10n ** 28n)).toBe("-$12.34");
    expect(formatFactorE30(19n * 10n ** 27n)).toBe("1.90%");
  });

  it("never turns a bad number into NaN", () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => priceE30PerUnit(bad, 18)).toThrow(/price is .*, expected a finite number > 0/);
    }
    expect(() => priceE30PerUnit(1, 31)).toThrow(/tokenDecimals is 31/);
    expect(() => usdToE30(Number.NaN)).toThrow(/usd is NaN/);
    expect(() => fractionToFactorE30(-0.01, "--mm")).toThrow(/--mm is -0.01/);
  });
});

describe("markets", () => {
  it("knows ETH and BTC, infers them from Binance file names, and names unknown markets", () => {
    expect(inferMarketSymbol("/x/ETHUSDT-1m-2022-11-09.csv")).toBe("ETH");
    expect(inferMarketSymbol("btcusdt-1m-2021-05.csv")).toBe("BTC");
    expect(inferMarketSymbol("prices.csv")).toBeUndefined();
    expect(() => stressMarketSpec("DOGE")).toThrow(UnknownMarketError);
    expect(() => stressMarketSpec("DOGE")).toThrow(
      /market symbol: unknown market "DOGE"; known markets: ETH, BTC/,
    );
  });
});

describe("buildPricePath", () => {
  it("walks each bar through open, extremes and close, a quarter bar apart", () => {
    const path = buildPricePath([
      { spec: ETH, klines: [bar(0, 100, 104, 97, 98), bar(1, 98, 101, 97.5, 100.5)] },
    ]);
    expect(path.barIntervalMs).toBe(60_000);
    expect(path.timesMs.map((t) => t - 1_700_000_040_000)).toEqual([
      0, 15_000, 30_000, 45_000, 60_000, 75_000, 90_000, 105_000,
    ]);
    // Down bar: open -> high -> low -> close; up bar: open -> low -> high -> close.
    expect(path.prices[0]).toEqual([100, 104, 97, 98, 98, 97.5, 101, 100.5]);
    expect(path.pricesE30[0]?.[1]).toBe(priceE30PerUnit(104, 18));
  });

  it("interpolates exactly between points and holds the ends", () => {
    const path = buildPricePath([
      { spec: ETH, klines: [bar(0, 100, 104, 97, 98), bar(1, 98, 101, 97.5, 100.5)] },
    ]);
    const start = path.timesMs[0] ?? 0;
    const p = (usd: number): bigint => priceE30PerUnit(usd, 18);
    expect(priceAtTime(path, 0, start - 5_000)).toBe(p(100));
    expect(priceAtTime(path, 0, start + 15_000)).toBe(p(104));
    // 104 - 7/3 = 101.666...: rounded down.
    expect(priceAtTime(path, 0, start + 20_000)).toBe(101_666_666_666_666n);
    expect(priceAtTime(path, 0, start + 7_500)).toBe(p(102));
    expect(priceAtTime(path, 0, start + 10_000_000)).toBe(p(100.5));
    expect(priceAtTime(path, 0, start + 50_000, 3)).toBe(p(98));
  });

  it("cuts two markets to their common window", () => {
    const eth = loadKlinesFile(fixture("eth-crash-40.csv"));
    const btc = loadKlinesFile(fixture("btc-crash-40-binance.csv"));
    const path = buildPricePath([
      { spec: ETH, klines: eth.slice(5) },
      { spec: BTC, klines: btc.slice(0, 30) },
    ]);
    expect(path.klines[0]).toHaveLength(25);
    expect(path.klines[1]).toHaveLength(25);
    expect(path.timesMs[0]).toBe(eth[5]?.openTimeMs);
  });

  it("says where two series differ, and rejects gaps, duplicates, unsorted and non-positive bars", () => {
    const eth = loadKlinesFile(fixture("eth-crash-40.csv"));
    expect(() =>
      buildPricePath([
        { spec: ETH, klines: eth },
        { spec: BTC, klines: loadKlinesFile(fixture("btc-gap-binance.csv")) },
      ]),
    ).toThrow(/gap of 120000 ms/);
    const btc = loadKlinesFile(fixture("btc-crash-40-binance.csv")).map((k, i) =>
      i === 20 ? { ...k, openTimeMs: k.openTimeMs + 1 } : k,
    );
    expect(() =>
      buildPricePath(
        [
          { spec: ETH, klines: eth },
          { spec: BTC, klines: btc },
        ],
        { barIntervalMs: 60_000 },
      ),
    ).toThrow(MisalignedSeriesError);
    expect(() =>
      buildPricePath([
        { spec: ETH, klines: eth.slice(0, 10) },
        { spec: BTC, klines: loadKlinesFile(fixture("btc-crash-40-binance.csv")).slice(20) },
      ]),
    ).toThrow(/overlap in 0 bar\(s\)/);
    expect(() => buildPricePath([{ spec: ETH, klines: [eth[1] as Kline, eth[0] as Kline] }])).toThrow(
      UnsortedTimestampsError,
    );
    expect(() => buildPricePath([{ spec: ETH, klines: [bar(0, 1, 1, 0, 1), bar(1, 1, 1, 1, 1)] }])).toThrow(
      NonPositivePriceError,
    );
    expect(() => buildPricePath([])).toThrow(/markets is 0, expected at least one market/);
    expect(() =>
      buildPricePath([
        { spec: ETH, klines: eth },
        { spec: ETH, klines: eth },
      ]),
    ).toThrow(/each market at most once/);
  });

  it("reports malformed CSV rows, unsorted timestamps and non-positive prices with their line", () => {
    expect(() => loadKlinesFile(fixture("bad-malformed-row.csv"))).toThrow(KlineParseError);
    expect(() => loadKlinesFile(fixture("bad-malformed-row.csv"))).toThrow(
      /bad-malformed-row.csv: line 6: expected 6 columns like the first row, got 5/,
    );
    expect(() => loadKlinesFile(fixture("bad-unsorted.csv"))).toThrow(
      /line 12: timestamps not strictly increasing/,
    );
    expect(() => loadKlinesFile(fixture("bad-nonpositive-price.csv"))).toThrow(/line 8: non-positive low 0/);
  });
});
