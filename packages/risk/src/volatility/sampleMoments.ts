import { InsufficientBarsError } from "./errors.js";

/** Arithmetic mean. Throws on an empty sample. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new InsufficientBarsError(1, 0, "a mean");
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * Unbiased sample variance (divides by n - 1). Needs at least two values.
 *
 * @example
 * sampleVariance([1, 2, 3]); // 1
 */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) throw new InsufficientBarsError(2, values.length, "a sample variance");
  const center = mean(values);
  let sumOfSquares = 0;
  for (const value of values) sumOfSquares += (value - center) ** 2;
  return sumOfSquares / (values.length - 1);
}

/**
 * Sample excess kurtosis, moment estimator `m4 / m2^2 - 3` (0 for a normal distribution, > 0 for
 * fat tails). Needs at least four values; returns 0 for a sample with no dispersion.
 *
 * @example
 * excessKurtosis([-1, 1, -1, 1]); // -2 (two-point distribution)
 */
export function excessKurtosis(values: readonly number[]): number {
  if (values.length < 4) throw new InsufficientBarsError(4, values.length, "a kurtosis estimate");
  const center = mean(values);
  let m2 = 0;
  let m4 = 0;
  for (const value of values) {
    const squared = (value - center) ** 2;
    m2 += squared;
    m4 += squared * squared;
  }
  m2 /= values.length;
  m4 /= values.length;
  return m2 === 0 ? 0 : m4 / (m2 * m2) - 3;
}
