/** Options shared by every volatility estimator. */
export interface VolatilityOptions {
  /**
   * Bar interval in milliseconds. When omitted it is inferred from the open times, and an
   * irregular series (a missing bar) is an error; when given, gaps are accepted as they are.
   */
  barIntervalMs?: number;
}

/** A volatility estimate: the standard deviation of log returns, per bar and per year. */
export interface VolatilityEstimate {
  /** Standard deviation of the log return over one bar (0.001 = 0.1%). */
  perBarVolatility: number;
  /** `perBarVolatility` annualised with a 365-day year (see `annualizeVolatility`). */
  annualizedVolatility: number;
  /** The bar interval used, milliseconds. */
  barIntervalMs: number;
  /** How many observations (returns or bars) the estimate is built from. */
  observations: number;
}
