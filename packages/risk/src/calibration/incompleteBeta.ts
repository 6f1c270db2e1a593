// Special functions behind the Student-t distribution. Internal: not exported from the package.

// Lanczos approximation, g = 7, n = 9 (relative accuracy ~1e-15 for positive arguments).
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Gamma(x) for x > 0 (reflection formula below 0.5). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const shifted = x - 1;
  let series = LANCZOS_COEFFICIENTS[0] ?? 1;
  for (let index = 1; index < LANCZOS_COEFFICIENTS.length; index++) {
    series += (LANCZOS_COEFFICIENTS[index] ?? 0) / (shifted + index);
  }
  const t = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}

const TINY = 1e-300;
const EPSILON = 1e-15;
const MAX_ITERATIONS = 10_000;

/** Continued fraction for the incomplete beta function (modified Lentz), valid for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const sum = a + b;
  let c = 1;
  let d = 1 - (sum * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const twoM = 2 * m;
    const evenTerm = (m * (b - m) * x) / ((a - 1 + twoM) * (a + twoM));
    d = 1 + evenTerm * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + evenTerm / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    const oddTerm = (-(a + m) * (sum + m) * x) / ((a + twoM) * (a + 1 + twoM));
    d = 1 + oddTerm * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + oddTerm / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) return fraction;
  }
  return fraction;
}

/**
 * Regularized incomplete beta I_x(a, b), given x and its complement y = 1 - x separately so a
 * caller can pass a y computed without cancellation. a, b > 0; 0 <= x <= 1.
 */
export function regularizedIncompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(y, b, a)) / b;
}
