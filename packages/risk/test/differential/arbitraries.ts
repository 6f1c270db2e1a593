import fc from "fast-check";

/** Realistic bounds of the differential tests (documented in the package README). */
export const ONE = 10n ** 30n;
export const PCT = 10n ** 28n;
export const MAX_UINT256 = (1n << 256n) - 1n;
export const MAX_INT256 = (1n << 255n) - 1n;
export const MIN_INT256 = -(1n << 255n);
/** Sizes and USD values up to 1e12 USD. */
export const MAX_USD = 10n ** 42n;
/** Unit prices of 6/8/18-decimal tokens priced 1e-6 .. 1e6 USD: 1e-6 * 1e30 / 1e18 .. 1e6 * 1e30 / 1e6. */
export const MIN_UNIT_PRICE = 10n ** 6n;
export const MAX_UNIT_PRICE = 10n ** 30n;
/** Token amounts worth up to 1e12 USD at the lowest unit price. */
export const MAX_AMOUNT = 10n ** 36n;
const YEAR = 365n * 24n * 3600n;
/** Largest per-second rate the config allows (borrowing slope2: 20 x ONE / year). */
export const MAX_RATE = (20n * ONE) / YEAR;
/** Elapsed times up to ~3 years. */
export const MAX_ELAPSED = 10n ** 8n;

/**
 * A bigint in [min, max] spread over orders of magnitude (uniform in the number of digits, then
 * uniform below it), with fast-check's bias toward the bounds and small values.
 */
export function logBigInt(min: bigint, max: bigint): fc.Arbitrary<bigint> {
  const digits = max.toString().length;
  return fc.integer({ min: 0, max: digits }).chain((d) => {
    const top = 10n ** BigInt(d);
    const hi = top < max ? top : max;
    const lo = min < hi ? min : hi;
    return fc.bigInt({ min: lo, max: hi });
  });
}

/** A signed bigint in [-max, max], spread over magnitudes. */
export function logSigned(max: bigint): fc.Arbitrary<bigint> {
  return fc.tuple(fc.boolean(), logBigInt(0n, max)).map(([negative, value]) => (negative ? -value : value));
}

/** Any uint256, spread over magnitudes (overflow and panic paths included). */
export const anyUint = logBigInt(0n, MAX_UINT256);
/** Any int256, spread over magnitudes. */
export const anyInt = fc.oneof(
  logSigned(MAX_INT256),
  fc.constantFrom(MIN_INT256, MIN_INT256 + 1n, MAX_INT256, -1n, 0n, 1n),
);
export const usd = logBigInt(0n, MAX_USD);
export const signedUsd = logSigned(MAX_USD);
export const unitPrice = logBigInt(MIN_UNIT_PRICE, MAX_UNIT_PRICE);
/** Prices including zero (division by zero paths). */
export const unitPriceOrZero = fc.oneof(
  { weight: 9, arbitrary: unitPrice },
  { weight: 1, arbitrary: fc.constant(0n) },
);
export const amount = logBigInt(0n, MAX_AMOUNT);
/** A factor in [0, 1] (30 decimals). */
export const factor = logBigInt(0n, ONE);
/** Impact factors per USD of skew squared, within ConfigLogic's bound (1e24). */
export const impactFactor = logBigInt(0n, 10n ** 24n);
export const ratePerSecond = logBigInt(0n, MAX_RATE);
export const elapsed = logBigInt(0n, MAX_ELAPSED);
/** Cumulative borrowing factors: up to max rate x ~3 years. */
export const cumulativeFactor = logBigInt(0n, MAX_RATE * MAX_ELAPSED);
/** Cumulative funding per size, either sign (the receiving side's index moves faster). */
export const cumulativeFunding = logSigned(MAX_RATE * MAX_ELAPSED * 10n ** 6n);
