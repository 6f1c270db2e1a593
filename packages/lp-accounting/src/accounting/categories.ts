/**
 * The attribution categories: where a change in LP value comes from. Every step of a pool's history
 * is split into these, so they add up to the change in value (excluding deposits and withdrawals)
 * exactly. Definitions are in the README ("Attribution categories").
 *
 * @module
 */

/** Categories of a pool's return (pool level). */
export const POOL_CATEGORIES = [
  "positionFees",
  "liquidationFees",
  "borrowingFees",
  "priceImpact",
  "funding",
  "traderPnl",
  "priceMoves",
  "insuranceCoverage",
  "badDebt",
  "executionSpread",
  "other",
] as const;

/** Categories of one LP's return: the pool's, plus value moved between LPs and pro-rata rounding. */
export const LP_CATEGORIES = [...POOL_CATEGORIES, "liquidityFees", "rounding"] as const;

/** A pool-level category. */
export type PoolCategory = (typeof POOL_CATEGORIES)[number];
/** Any category (LP level is a superset). */
export type AttributionCategory = (typeof LP_CATEGORIES)[number];

/** Amounts by category, USD with 30 decimals. */
export type CategoryAmounts<C extends string = AttributionCategory> = { readonly [K in C]: bigint };

/** Number of pool categories (vectors of pool amounts have this length). */
export const POOL_CATEGORY_COUNT = POOL_CATEGORIES.length;
/** Index of `liquidityFees` in LP vectors. */
export const LIQUIDITY_FEES_INDEX = POOL_CATEGORY_COUNT;
/** Number of categories in LP vectors that are carried (all but `rounding`, which is derived). */
export const LP_VECTOR_LENGTH = POOL_CATEGORY_COUNT + 1;

/** Index of each pool category in a vector. */
export const CATEGORY_INDEX: { readonly [K in PoolCategory]: number } = Object.fromEntries(
  POOL_CATEGORIES.map((name, index) => [name, index]),
) as { readonly [K in PoolCategory]: number };

/** A vector of zeros of length `n`. */
export function zeroVector(n: number): bigint[] {
  return new Array<bigint>(n).fill(0n);
}

/** `a - b`, element-wise (same length). */
export function subtractVectors(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  return a.map((value, i) => value - (b[i] ?? 0n));
}

/** Sum of a vector. */
export function sumVector(vector: readonly bigint[]): bigint {
  let total = 0n;
  for (const value of vector) total += value;
  return total;
}

/** Names a pool vector. */
export function namePoolVector(vector: readonly bigint[]): CategoryAmounts<PoolCategory> {
  return Object.fromEntries(
    POOL_CATEGORIES.map((name, i) => [name, vector[i] ?? 0n]),
  ) as CategoryAmounts<PoolCategory>;
}

/** Floor division for signed bigints (BigInt `/` truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? quotient - 1n : quotient;
}
