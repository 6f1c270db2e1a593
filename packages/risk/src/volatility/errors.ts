/**
 * Errors thrown by the volatility estimators and the margin calibrator.
 * Each carries the values that failed, so a caller (or a keeper log) can say exactly what was wrong.
 */

/** Base class: every input error of the risk statistics derives from it. */
export class RiskInputError extends Error {
  override name = "RiskInputError";
}

/**
 * Thrown when a series has fewer bars than an estimator needs.
 * @example
 * try { closeToCloseVolatility([]) } catch (e) { if (e instanceof InsufficientBarsError) e.requiredBars }
 */
export class InsufficientBarsError extends RiskInputError {
  override name = "InsufficientBarsError";
  constructor(
    readonly requiredBars: number,
    readonly actualBars: number,
    readonly purpose: string,
  ) {
    super(`${purpose} needs at least ${requiredBars} bars, got ${actualBars}`);
  }
}

/** Thrown when a price or timestamp is NaN, Infinity or -Infinity. */
export class NonFiniteValueError extends RiskInputError {
  override name = "NonFiniteValueError";
  constructor(
    readonly barIndex: number,
    readonly field: string,
    readonly value: number,
  ) {
    super(`bar ${barIndex}: ${field} is ${value}, expected a finite number`);
  }
}

/** Thrown when a price is zero or negative (log returns and ranges need positive prices). */
export class NonPositivePriceError extends RiskInputError {
  override name = "NonPositivePriceError";
  constructor(
    readonly barIndex: number,
    readonly field: string,
    readonly value: number,
  ) {
    super(`bar ${barIndex}: ${field} is ${value}, expected a price > 0`);
  }
}

/** Thrown when high < low, or open/close fall outside [low, high]. */
export class InconsistentBarError extends RiskInputError {
  override name = "InconsistentBarError";
  constructor(
    readonly barIndex: number,
    readonly bar: { open: number; high: number; low: number; close: number },
  ) {
    super(
      `bar ${barIndex}: need low <= open, close <= high, got open ${bar.open} high ${bar.high} low ${bar.low} close ${bar.close}`,
    );
  }
}

/** Thrown when open times are not strictly increasing (unsorted or duplicate bars). */
export class UnsortedTimestampsError extends RiskInputError {
  override name = "UnsortedTimestampsError";
  constructor(
    readonly barIndex: number,
    readonly previousOpenTimeMs: number,
    readonly openTimeMs: number,
  ) {
    super(
      `bar ${barIndex}: open time ${openTimeMs} is ${
        openTimeMs === previousOpenTimeMs ? "a duplicate of" : "before"
      } the previous bar's ${previousOpenTimeMs}; sort and deduplicate the series`,
    );
  }
}

/** Thrown when the bar interval is inferred but the gaps between bars differ (missing bars, mixed intervals). */
export class IrregularBarIntervalError extends RiskInputError {
  override name = "IrregularBarIntervalError";
  constructor(
    readonly barIndex: number,
    readonly expectedIntervalMs: number,
    readonly actualIntervalMs: number,
  ) {
    super(
      `bar ${barIndex}: gap of ${actualIntervalMs} ms after a first gap of ${expectedIntervalMs} ms; ` +
        "the series is irregular (missing bars?): fill or split it, or pass barIntervalMs explicitly",
    );
  }
}

/** Thrown when a numeric or bigint parameter is outside its valid range. */
export class InvalidParameterError extends RiskInputError {
  override name = "InvalidParameterError";
  constructor(
    readonly parameter: string,
    readonly value: number | bigint,
    readonly expected: string,
  ) {
    super(`${parameter} is ${value}, expected ${expected}`);
  }
}
