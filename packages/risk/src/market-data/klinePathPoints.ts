import type { Kline } from "./kline.js";

/** One point of a bar's intra-bar path: the price `offsetMs` after the bar opened. */
export interface KlinePathPoint {
  offsetMs: number;
  price: number;
}

/** The bar length {@link klinePathPoints} assumes when none is given: Binance 1-minute klines. */
export const DEFAULT_KLINE_INTERVAL_MS = 60_000;

/**
 * The path a replay walks through inside one bar, so that a replay at sub-minute resolution visits
 * the bar's real extremes: open -> low -> high -> close when the bar closed up (or flat), open ->
 * high -> low -> close when it closed down. The four points are a quarter of the bar apart
 * (offsets 0, T/4, T/2, 3T/4), so the close is reached before the next bar opens at T; between
 * points a replay interpolates.
 *
 * This is the usual assumption when only OHLC is known (the extreme nearer the open in price
 * direction is taken to come first); the real order inside the bar is not in the data.
 *
 * @example
 * klinePathPoints({ openTimeMs: 0, open: 100, high: 104, low: 97, close: 98, volume: 1 });
 * // [{ offsetMs: 0, price: 100 }, { offsetMs: 15000, price: 104 },
 * //  { offsetMs: 30000, price: 97 }, { offsetMs: 45000, price: 98 }]
 */
export function klinePathPoints(
  kline: Kline,
  intervalMs: number = DEFAULT_KLINE_INTERVAL_MS,
): KlinePathPoint[] {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new RangeError(`intervalMs is ${intervalMs}, expected a positive number of milliseconds`);
  }
  const closedDown = kline.close < kline.open;
  const [first, second] = closedDown ? [kline.high, kline.low] : [kline.low, kline.high];
  return [
    { offsetMs: 0, price: kline.open },
    { offsetMs: Math.round(intervalMs / 4), price: first },
    { offsetMs: Math.round(intervalMs / 2), price: second },
    { offsetMs: Math.round((intervalMs * 3) / 4), price: kline.close },
  ];
}
