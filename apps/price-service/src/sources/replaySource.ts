import { DEFAULT_KLINE_INTERVAL_MS, type Kline, klinePathPoints } from "@bastion/risk";
import type { PriceSource } from "./priceSource.js";

export interface ReplaySourceOptions {
  /** The bars to replay, sorted (as `parseKlinesCsv` returns them); at least one. */
  klines: readonly Kline[];
  /** Market seconds per wall second: 60 replays one 1-minute bar per second. */
  speed: number;
  /** Start again from the first bar after the last one (a jump back to the first open). */
  loop: boolean;
  /** The first second the service publishes: it shows the first bar's open. */
  startSecond: number;
  /** Bar length; default the smallest gap between bars, or 60 s for a single bar. */
  intervalMs?: number;
  /** Called once when a non-looping replay has passed its last bar (it then holds the last close). */
  onEnd?: () => void;
}

/**
 * Replays kline bars in accelerated time, walking each bar's intra-bar path (see `klinePathPoints`:
 * open -> low -> high -> close for an up bar, open -> high -> low -> close for a down bar) and
 * interpolating linearly between path points.
 *
 * Each published second covers a slice of market time (`speed` seconds of it). When that slice
 * contains path points, the point farthest from the previously published price is published, so
 * that wicks are never skipped: at `speed <= 15` (a quarter bar or less per second) every open,
 * high, low and close is published exactly; above that, each second keeps its most extreme point.
 * When the slice contains no point, the interpolated price at the end of the slice is published.
 *
 * @example
 * const source = replaySource({ klines, speed: 60, loop: true, startSecond: nowSecond });
 * source.priceAt(nowSecond, undefined); // klines[0].open
 */
export function replaySource(options: ReplaySourceOptions): PriceSource {
  const { klines, speed, loop, startSecond } = options;
  const firstBar = klines[0];
  const lastBar = klines[klines.length - 1];
  if (firstBar === undefined || lastBar === undefined)
    throw new RangeError("a replay needs at least one kline");
  const intervalMs = options.intervalMs ?? smallestGapMs(klines) ?? DEFAULT_KLINE_INTERVAL_MS;
  const times: number[] = [];
  const prices: number[] = [];
  for (const kline of klines) {
    for (const point of klinePathPoints(kline, intervalMs)) {
      times.push(kline.openTimeMs - firstBar.openTimeMs + point.offsetMs);
      prices.push(point.price);
    }
  }
  const durationMs = lastBar.openTimeMs - firstBar.openTimeMs + intervalMs;
  const lastPointMs = times[times.length - 1] ?? 0;
  const lowest = Math.min(...prices);
  const highest = Math.max(...prices);
  let ended = false;

  const offsetOf = (second: number) => (second - startSecond) * 1000 * speed;
  const localOffset = (offsetMs: number) => (loop ? offsetMs % durationMs : offsetMs);

  /** Index of the first path point later than `offsetMs`. */
  const firstAfter = (offsetMs: number) => {
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((times[middle] ?? 0) > offsetMs) high = middle;
      else low = middle + 1;
    }
    return low;
  };

  const interpolate = (local: number): number => {
    const index = firstAfter(local) - 1;
    if (index < 0) return prices[0] ?? firstBar.open;
    if (index >= times.length - 1) return prices[times.length - 1] ?? lastBar.close;
    const [t0, t1] = [times[index] ?? 0, times[index + 1] ?? 0];
    const [p0, p1] = [prices[index] ?? 0, prices[index + 1] ?? 0];
    return p0 + ((p1 - p0) * (local - t0)) / (t1 - t0);
  };

  /** Prices of the path points with local time in (from, to]. */
  const pricesBetween = (from: number, to: number) => prices.slice(firstAfter(from), firstAfter(to));

  /** Prices of the path points in the market-time slice (from, to], in path order. */
  const pointsInSlice = (from: number, to: number): number[] => {
    if (!loop) return pricesBetween(from, to);
    if (to - from >= durationMs) return [lowest, highest];
    const fromCycle = Math.floor(from / durationMs);
    const toCycle = Math.floor(to / durationMs);
    if (fromCycle === toCycle)
      return pricesBetween(from - fromCycle * durationMs, to - fromCycle * durationMs);
    return [
      ...pricesBetween(from - fromCycle * durationMs, durationMs),
      ...pricesBetween(-1, to - toCycle * durationMs),
    ];
  };

  return {
    kind: "replay",
    priceAt(second, previousUsd) {
      const to = offsetOf(second);
      if (!loop && !ended && to > lastPointMs) {
        ended = true;
        options.onEnd?.();
      }
      if (previousUsd === undefined || second <= startSecond) return interpolate(localOffset(to));
      const candidates = pointsInSlice(offsetOf(second - 1), to);
      if (candidates.length === 0) return interpolate(localOffset(to));
      let chosen = candidates[0] as number;
      for (const candidate of candidates) {
        if (Math.abs(candidate - previousUsd) > Math.abs(chosen - previousUsd)) chosen = candidate;
      }
      return chosen;
    },
    describe(second) {
      const local = localOffset(Math.max(0, offsetOf(second)));
      const marketTimeMs = firstBar.openTimeMs + (loop ? local : Math.min(local, durationMs));
      return {
        bars: klines.length,
        speed,
        loop,
        marketTime: new Date(marketTimeMs).toISOString(),
        ended: !loop && offsetOf(second) > lastPointMs,
      };
    },
  };
}

function smallestGapMs(klines: readonly Kline[]): number | undefined {
  let smallest: number | undefined;
  for (let index = 1; index < klines.length; index++) {
    const gap = (klines[index]?.openTimeMs ?? 0) - (klines[index - 1]?.openTimeMs ?? 0);
    if (gap > 0 && (smallest === undefined || gap < smallest)) smallest = gap;
  }
  return smallest;
}
