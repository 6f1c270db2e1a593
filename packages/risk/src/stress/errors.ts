/**
 * Input errors of the margin models and the crash-replay engine. Each carries the values that
 * failed, so a caller (or the CLI) can say exactly what was wrong; none of these code paths returns
 * NaN silently.
 * @module
 */
import { RiskInputError } from "../volatility/errors.js";

/** Thrown when a market symbol or address is not one the caller configured. */
export class UnknownMarketError extends RiskInputError {
  override name = "UnknownMarketError";
  constructor(
    readonly market: string,
    readonly known: readonly string[],
    readonly context: string,
  ) {
    super(
      `${context}: unknown market "${market}"; known markets: ${known.length === 0 ? "none" : known.join(", ")}`,
    );
  }
}

/** Thrown when the price series of several markets do not share the same bar grid. */
export class MisalignedSeriesError extends RiskInputError {
  override name = "MisalignedSeriesError";
  constructor(
    readonly market: string,
    readonly reason: string,
  ) {
    super(`price series of ${market}: ${reason}`);
  }
}

/** Thrown when a synthetic order cannot be opened the way the contracts would open it. */
export class BookOpeningError extends RiskInputError {
  override name = "BookOpeningError";
  constructor(
    readonly rejectedCount: number,
    readonly orderCount: number,
    readonly firstReason: string,
  ) {
    super(
      `${rejectedCount} of ${orderCount} synthetic orders would revert on chain (first: ${firstReason}); ` +
        "lower the leverage, or give the pools more liquidity",
    );
  }
}
