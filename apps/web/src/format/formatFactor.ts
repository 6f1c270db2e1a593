import { formatDecimalMagnitude, roundsToZero } from "./decimalString";

/** Factors on chain have 30 decimals: 1e30 is 100%. */
export const FACTOR_DECIMALS = 30;
export const FACTOR_ONE = 10n ** 30n;

/** A percentage has 28 decimals in factor units (1e28 = 1%). */
const PERCENT_DECIMALS = FACTOR_DECIMALS - 2;

export type FormatFactorOptions = {
  /** Digits after the decimal point of the percentage (default 2). */
  maxFractionDigits?: number;
  /** Digits always shown (default 0). */
  minFractionDigits?: number;
  /** "always" prints "+" before positive values. */
  sign?: "negative-only" | "always";
};

/**
 * Formats a 30-decimal factor as a percentage: `formatFactor(125n * 10n ** 26n)` is "1.25%".
 * Exact (bigint); a non-zero factor too small to show prints "<0.01%".
 */
export function formatFactor(factorE30: bigint, options: FormatFactorOptions = {}): string {
  const maxFractionDigits = options.maxFractionDigits ?? 2;
  const minFractionDigits = options.minFractionDigits ?? 0;
  const negative = factorE30 < 0n;
  const magnitude = negative ? -factorE30 : factorE30;
  const sign = negative ? "-" : factorE30 > 0n && options.sign === "always" ? "+" : "";
  if (roundsToZero(magnitude, PERCENT_DECIMALS, maxFractionDigits)) {
    const smallest = formatDecimalMagnitude(1n, maxFractionDigits, { maxFractionDigits });
    return `${negative ? "-" : ""}<${smallest}%`;
  }
  const text = formatDecimalMagnitude(magnitude, PERCENT_DECIMALS, {
    maxFractionDigits,
    minFractionDigits,
    groupThousands: true,
  });
  return `${sign}${text}%`;
}

/** `numerator / denominator` as a 30-decimal factor, rounded toward zero; undefined when dividing by zero. */
export function ratioFactor(numerator: bigint, denominator: bigint): bigint | undefined {
  if (denominator === 0n) return undefined;
  return (numerator * FACTOR_ONE) / denominator;
}
