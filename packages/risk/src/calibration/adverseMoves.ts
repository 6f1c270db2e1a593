import type { Kline } from "../market-data/kline.js";
import { InvalidParameterError } from "../volatility/errors.js";

/** Worst adverse log moves, one sample per entry bar, for each side (all >= 0). */
export interface AdverseLogMoves {
  /** `max(0, ln(entryClose / lowest low in the window))`: what a long loses. */
  long: number[];
  /** `max(0, ln(highest high in the window / entryClose))`: what a short loses. */
  short: number[];
}

/**
 * Historical worst adverse moves: for every bar i but the last, entry at `close[i]`, worst price
 * over bars i+1 .. i+windowBars (their lows for a long, highs for a short), in log terms. Entries
 * in the last `windowBars - 1` bars use the bars that exist (a truncated window), so there is
 * always one sample per bar but the last and a longer window never lowers any sample. Samples
 * overlap when windowBars > 1. O(n) with monotonic deques. Assumes a validated series.
 *
 * @example
 * const { long, short } = worstAdverseLogMoves(bars, 1); // next bar's low/high against this close
 */
export function worstAdverseLogMoves(klines: readonly Kline[], windowBars: number): AdverseLogMoves {
  if (!Number.isInteger(windowBars) || windowBars < 1) {
    throw new InvalidParameterError("windowBars", windowBars, "an integer >= 1");
  }
  const lows = klines.map((bar) => bar.low);
  const highs = klines.map((bar) => bar.high);
  const value = (values: readonly number[], index: number | undefined): number =>
    values[index ?? -1] ?? Number.NaN;
  const long: number[] = [];
  const short: number[] = [];
  // Indices of the window's bars; lows increasing and highs decreasing from the head.
  const lowDeque: number[] = [];
  const highDeque: number[] = [];
  let lowHead = 0;
  let highHead = 0;
  let nextBar = 1;
  for (let entry = 0; entry < klines.length - 1; entry++) {
    const windowEnd = Math.min(entry + windowBars, klines.length - 1);
    for (; nextBar <= windowEnd; nextBar++) {
      while (lowDeque.length > lowHead && value(lows, lowDeque.at(-1)) >= value(lows, nextBar))
        lowDeque.pop();
      lowDeque.push(nextBar);
      while (highDeque.length > highHead && value(highs, highDeque.at(-1)) <= value(highs, nextBar))
        highDeque.pop();
      highDeque.push(nextBar);
    }
    while ((lowDeque[lowHead] ?? windowEnd) <= entry) lowHead++;
    while ((highDeque[highHead] ?? windowEnd) <= entry) highHead++;
    const entryClose = klines[entry]?.close ?? Number.NaN;
    long.push(Math.max(0, Math.log(entryClose / value(lows, lowDeque[lowHead]))));
    short.push(Math.max(0, Math.log(value(highs, highDeque[highHead]) / entryClose)));
  }
  return { long, short };
}
