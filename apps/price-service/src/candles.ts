import type { PublishedPrice } from "./feedPublisher.js";
import { pythPriceToUsd } from "./fixedPoint.js";

/** One OHLC bar of published prices, in USD (display only). */
export interface Candle {
  /** Bucket start, Unix seconds (a multiple of the resolution). */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** How many published seconds the bar aggregates. */
  updates: number;
}

/**
 * Aggregates published prices (oldest first) into OHLC bars of `resolutionSeconds`, aligned on
 * multiples of it. Buckets without updates are left out.
 *
 * @example
 * aggregateCandles(history, 60); // one bar per minute
 */
export function aggregateCandles(prices: readonly PublishedPrice[], resolutionSeconds: number): Candle[] {
  const candles: Candle[] = [];
  let current: Candle | undefined;
  for (const published of prices) {
    const time = Math.floor(published.publishTime / resolutionSeconds) * resolutionSeconds;
    const usd = pythPriceToUsd(published.price);
    if (current === undefined || current.time !== time) {
      current = { time, open: usd, high: usd, low: usd, close: usd, updates: 1 };
      candles.push(current);
    } else {
      current.high = Math.max(current.high, usd);
      current.low = Math.min(current.low, usd);
      current.close = usd;
      current.updates += 1;
    }
  }
  return candles;
}
