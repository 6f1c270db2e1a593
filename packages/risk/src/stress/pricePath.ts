/**
 * The price path a crash replay walks: every bar of every market through its four intra-bar points
 * (`klinePathPoints`), converted once to the contracts' price unit.
 * @module
 */
import type { Kline } from "../market-data/kline.js";
import { klinePathPoints } from "../market-data/klinePathPoints.js";
import { resolveBarIntervalMs } from "../volatility/barInterval.js";
import { InsufficientBarsError, InvalidParameterError } from "../volatility/errors.js";
import { validateKlines } from "../volatility/validateKlines.js";
import { MisalignedSeriesError } from "./errors.js";
import type { StressMarketSpec } from "./markets.js";
import { priceE30PerUnit } from "./units.js";

/** One market's bars for {@link buildPricePath}. */
export interface PricePathMarketInput {
  spec: StressMarketSpec;
  /** 1-minute (or any regular) bars, sorted, as `parseKlinesCsv` returns them. */
  klines: readonly Kline[];
}

/** Options of {@link buildPricePath}. */
export interface BuildPricePathOptions {
  /** Bar interval, ms; inferred (and the series checked for gaps) when omitted. */
  barIntervalMs?: number;
}

/** Path points per bar: open, first extreme, second extreme, close (see `klinePathPoints`). */
export const POINTS_PER_BAR = 4;

/** The replay's price path: shared step times and, per market, the index price at each step. */
export interface PricePath {
  markets: readonly StressMarketSpec[];
  /** The bars actually replayed, per market (the common window of all inputs). */
  klines: readonly (readonly Kline[])[];
  barIntervalMs: number;
  /** Time of each step, Unix ms: {@link POINTS_PER_BAR} steps per bar, a quarter bar apart. */
  timesMs: readonly number[];
  /** `pricesE30[market][step]`: index price, USD with 30 decimals per smallest token unit. */
  pricesE30: readonly (readonly bigint[])[];
  /** `prices[market][step]` as USD per whole token, for display. */
  prices: readonly (readonly number[])[];
}

/**
 * Builds the path of one or more markets. Each series is validated (positive finite prices,
 * `low <= open, close <= high`, strictly increasing open times, and no gaps unless `barIntervalMs`
 * is given); several series are cut to their common time window and must then have the same open
 * times, or {@link MisalignedSeriesError} says where they differ.
 *
 * @example
 * const path = buildPricePath([{ spec: stressMarketSpec("ETH"), klines }]);
 * path.timesMs.length; // 4 * klines.length
 */
export function buildPricePath(
  inputs: readonly PricePathMarketInput[],
  options: BuildPricePathOptions = {},
): PricePath {
  if (inputs.length === 0) throw new InvalidParameterError("markets", 0, "at least one market");
  const symbols = new Set<string>();
  for (const input of inputs) {
    if (symbols.has(input.spec.symbol)) {
      throw new InvalidParameterError(
        `markets (${input.spec.symbol})`,
        inputs.length,
        "each market at most once",
      );
    }
    symbols.add(input.spec.symbol);
    validateKlines(input.klines, 2, `the ${input.spec.symbol} price path`);
  }
  const intervals = inputs.map((input) => resolveBarIntervalMs(input.klines, options.barIntervalMs));
  const barIntervalMs = intervals[0] ?? 0;
  inputs.forEach((input, index) => {
    if (intervals[index] !== barIntervalMs) {
      throw new MisalignedSeriesError(
        input.spec.symbol,
        `bar interval ${intervals[index]} ms differs from ${inputs[0]?.spec.symbol}'s ${barIntervalMs} ms`,
      );
    }
  });

  const start = Math.max(...inputs.map((input) => input.klines[0]?.openTimeMs ?? Number.NEGATIVE_INFINITY));
  const end = Math.min(...inputs.map((input) => input.klines.at(-1)?.openTimeMs ?? Number.POSITIVE_INFINITY));
  const windows = inputs.map((input) =>
    input.klines.filter((bar) => bar.openTimeMs >= start && bar.openTimeMs <= end),
  );
  const reference = windows[0] ?? [];
  if (reference.length < 2) {
    throw new MisalignedSeriesError(
      inputs.map((input) => input.spec.symbol).join(", "),
      `the series overlap in ${reference.length} bar(s) (${new Date(start).toISOString()} .. ${new Date(end).toISOString()}); a replay needs 2`,
    );
  }
  windows.forEach((window, marketIndex) => {
    const symbol = inputs[marketIndex]?.spec.symbol ?? "?";
    for (let bar = 0; bar < Math.max(window.length, reference.length); bar++) {
      const time = window[bar]?.openTimeMs;
      const expected = reference[bar]?.openTimeMs;
      if (time !== expected) {
        throw new MisalignedSeriesError(
          symbol,
          `bar ${bar} of the common window opens at ${time === undefined ? "none" : new Date(time).toISOString()}, ` +
            `${inputs[0]?.spec.symbol} at ${expected === undefined ? "none" : new Date(expected).toISOString()}: ` +
            "the series must have the same bars (fill or cut the gap)",
        );
      }
    }
  });

  const timesMs: number[] = [];
  for (const bar of reference) {
    for (const point of klinePathPoints(bar, barIntervalMs)) timesMs.push(bar.openTimeMs + point.offsetMs);
  }
  const prices = windows.map((window) =>
    window.flatMap((bar) => klinePathPoints(bar, barIntervalMs).map((p) => p.price)),
  );
  const pricesE30 = prices.map((series, index) => {
    const decimals = inputs[index]?.spec.indexToken.decimals ?? 18;
    const cache = new Map<number, bigint>();
    return series.map((price) => {
      let value = cache.get(price);
      if (value === undefined) {
        value = priceE30PerUnit(price, decimals);
        cache.set(price, value);
      }
      return value;
    });
  });
  if (timesMs.length === 0) throw new InsufficientBarsError(2, 0, "a price path");
  return {
    markets: inputs.map((input) => input.spec),
    klines: windows,
    barIntervalMs,
    timesMs,
    pricesE30,
    prices,
  };
}

/**
 * The index price of market `marketIndex` at `timeMs`: linear between the two path points around it
 * (exact bigint interpolation, rounded down), the first point's price before the path, the last
 * point's after it.
 *
 * @param hint a step index at or before `timeMs` to start the search from (the engine passes the
 * current step)
 */
export function priceAtTime(path: PricePath, marketIndex: number, timeMs: number, hint = 0): bigint {
  const times = path.timesMs;
  const series = path.pricesE30[marketIndex];
  if (series === undefined)
    throw new InvalidParameterError("marketIndex", marketIndex, `< ${path.markets.length}`);
  const first = times[0] ?? 0;
  if (timeMs <= first) return series[0] ?? 0n;
  let step = Math.max(0, Math.min(hint, times.length - 1));
  if ((times[step] ?? 0) > timeMs) step = 0;
  while (step + 1 < times.length && (times[step + 1] ?? 0) <= timeMs) step++;
  const p0 = series[step] ?? 0n;
  if (step + 1 >= times.length) return p0;
  const t0 = times[step] ?? 0;
  const t1 = times[step + 1] ?? 0;
  const p1 = series[step + 1] ?? 0n;
  if (timeMs === t0) return p0;
  // Interpolate in whole milliseconds (path times are integers; a fractional time is floored).
  const numerator = BigInt(Math.floor(timeMs - t0));
  const denominator = BigInt(t1 - t0);
  const delta = ((p1 - p0) * numerator) / denominator;
  // bigint division truncates toward zero; keep "rounded down" for falling segments too.
  const exact = (p1 - p0) * numerator === delta * denominator;
  return p0 + delta - (p1 < p0 && !exact ? 1n : 0n);
}
