import type { Kline } from "../market-data/kline.js";

/**
 * Close-to-close log returns `ln(close[i] / close[i-1])`, one fewer than the bars.
 * Assumes a validated series (positive finite closes); see `validateKlines`.
 *
 * @example
 * closeLogReturns(bars); // [ln(c1/c0), ln(c2/c1), ...]
 */
export function closeLogReturns(klines: readonly Kline[]): number[] {
  const returns: number[] = [];
  for (let index = 1; index < klines.length; index++) {
    const previous = klines[index - 1];
    const current = klines[index];
    if (previous === undefined || current === undefined) continue;
    returns.push(Math.log(current.close / previous.close));
  }
  return returns;
}
