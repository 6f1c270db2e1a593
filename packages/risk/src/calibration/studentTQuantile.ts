import { InvalidParameterError } from "../volatility/errors.js";
import { regularizedIncompleteBeta } from "./incompleteBeta.js";

/**
 * Upper tail of Student's t with `degreesOfFreedom` (nu): `P(T > t)` for t >= 0,
 * `= I_{nu/(nu+t^2)}(nu/2, 1/2) / 2`.
 *
 * @example
 * studentTUpperTail(2.228138851964938, 10); // ~0.025
 */
export function studentTUpperTail(t: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) {
    throw new InvalidParameterError("degreesOfFreedom", degreesOfFreedom, "a finite number > 0");
  }
  if (Number.isNaN(t)) throw new InvalidParameterError("t", t, "a number");
  if (t < 0) return 1 - studentTUpperTail(-t, degreesOfFreedom);
  const squared = t * t;
  const x = degreesOfFreedom / (degreesOfFreedom + squared);
  const y = squared / (degreesOfFreedom + squared);
  return 0.5 * regularizedIncompleteBeta(x, y, degreesOfFreedom / 2, 0.5);
}

/**
 * Quantile of Student's t distribution (NOT rescaled to unit variance): the t with
 * `P(T <= t) = probability`, found by bisection on the upper tail to full double precision.
 * `probability` in (0, 1), `degreesOfFreedom` > 0 (may be fractional).
 *
 * @example
 * studentTQuantile(0.975, 10); // 2.2281388519649385
 * studentTQuantile(0.9995, 4); // 8.610301581...
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw new InvalidParameterError("probability", probability, "a number in (0, 1)");
  }
  if (probability < 0.5) return -studentTQuantile(1 - probability, degreesOfFreedom);
  const upperTail = 1 - probability;
  if (upperTail === 0.5) return 0;
  let low = 0;
  let high = 1;
  while (studentTUpperTail(high, degreesOfFreedom) > upperTail) {
    low = high;
    high *= 2;
    if (!Number.isFinite(high)) return Number.POSITIVE_INFINITY;
  }
  for (let iteration = 0; iteration < 200 && high - low > 1e-15 * high; iteration++) {
    const middle = 0.5 * (low + high);
    if (studentTUpperTail(middle, degreesOfFreedom) > upperTail) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}
