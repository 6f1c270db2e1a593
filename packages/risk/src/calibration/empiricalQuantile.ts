import { InsufficientBarsError, InvalidParameterError } from "../volatility/errors.js";

/**
 * The conservative empirical upper quantile for a tail probability p: the order statistic
 * `x_(n - floor(p n))` of the sorted sample, so at most `floor(p n)` observations lie strictly
 * above it (inverse of the empirical CDF, "type 1"). When `p n < 1` this is the sample maximum,
 * which UNDER-states the true quantile: the sample is too short to see the tail.
 * Non-increasing in p.
 *
 * @example
 * empiricalUpperQuantile([5, 1, 4, 2, 3], 0.2); // 4 (one observation, 5, is above)
 * empiricalUpperQuantile([5, 1, 4, 2, 3], 0.01); // 5 (the maximum)
 */
export function empiricalUpperQuantile(samples: readonly number[], tailProbability: number): number {
  if (samples.length === 0) throw new InsufficientBarsError(1, 0, "an empirical quantile");
  if (!(tailProbability > 0 && tailProbability < 1)) {
    throw new InvalidParameterError("tailProbability", tailProbability, "a number in (0, 1)");
  }
  samples.forEach((sample, index) => {
    if (!Number.isFinite(sample))
      throw new InvalidParameterError(`samples[${index}]`, sample, "a finite number");
  });
  const sorted = [...samples].sort((a, b) => a - b);
  const observationsAbove = Math.floor(tailProbability * sorted.length);
  return sorted[sorted.length - 1 - observationsAbove] ?? Number.NaN;
}
