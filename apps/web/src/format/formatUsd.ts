import { formatDecimalMagnitude, pow10, roundsToZero, roundToFractionDigits } from "./decimalString";

/** USD amounts on chain are fixed point with 30 decimals (GMX lineage): 1 USD = 10n ** 30n. */
export const USD_DECIMALS = 30;
export const ONE_USD = pow10(USD_DECIMALS);

export type FormatUsdOptions = {
  /** Digits after the decimal point (default 2). Prices of cheap tokens may want more. */
  maxFractionDigits?: number;
  /** Digits always shown after the decimal point (default: same as maxFractionDigits, capped at 2). */
  minFractionDigits?: number;
  /** "$1.23M" instead of "$1,234,567.89" for values of a thousand dollars and more. */
  compact?: boolean;
  /** "always" prints "+" before positive values (PnL); default "negative-only". */
  sign?: "negative-only" | "always";
};

const COMPACT_UNITS = [
  { suffix: "K", exponent: 3 },
  { suffix: "M", exponent: 6 },
  { suffix: "B", exponent: 9 },
  { suffix: "T", exponent: 12 },
] as const;

/** "1.23M" for magnitudes of 1,000 USD and more (two digits of the unit), else undefined. */
function formatCompactMagnitude(magnitudeE30: bigint): string | undefined {
  const fitting = COMPACT_UNITS.filter((unit) => magnitudeE30 >= pow10(USD_DECIMALS + unit.exponent));
  let unitIndex = fitting.length - 1;
  const fittingUnit = COMPACT_UNITS[unitIndex];
  if (fittingUnit === undefined) return undefined;
  // 999,995 USD would round to "1,000K": show "1M" when a larger unit exists.
  const hundredthsOfUnit = roundToFractionDigits(magnitudeE30, USD_DECIMALS + fittingUnit.exponent, 2);
  if (hundredthsOfUnit >= 100_000n && unitIndex < COMPACT_UNITS.length - 1) unitIndex += 1;
  const unit = COMPACT_UNITS[unitIndex] ?? fittingUnit;
  const text = formatDecimalMagnitude(magnitudeE30, USD_DECIMALS + unit.exponent, { maxFractionDigits: 2 });
  return `${text}${unit.suffix}`;
}

function signPrefix(value: bigint, sign: FormatUsdOptions["sign"]): string {
  if (value < 0n) return "-";
  if (value > 0n && sign === "always") return "+";
  return "";
}

/**
 * Formats a USD amount held as a 1e30 fixed-point bigint: `formatUsd(1234n * ONE_USD / 100n)`
 * gives "$12.34". Exact at any size; tiny non-zero values show as "<$0.01" instead of "$0.00".
 */
export function formatUsd(valueE30: bigint, options: FormatUsdOptions = {}): string {
  const maxFractionDigits = options.maxFractionDigits ?? 2;
  const minFractionDigits = options.minFractionDigits ?? Math.min(maxFractionDigits, 2);
  const prefix = signPrefix(valueE30, options.sign);
  const magnitude = valueE30 < 0n ? -valueE30 : valueE30;

  if (roundsToZero(magnitude, USD_DECIMALS, maxFractionDigits)) {
    const smallest = formatDecimalMagnitude(1n, maxFractionDigits, { maxFractionDigits });
    return `${valueE30 < 0n ? "-" : ""}<$${smallest}`;
  }

  if (options.compact) {
    const compact = formatCompactMagnitude(magnitude);
    if (compact !== undefined) return `${prefix}$${compact}`;
  }

  const text = formatDecimalMagnitude(magnitude, USD_DECIMALS, { maxFractionDigits, minFractionDigits });
  return `${prefix}$${text}`;
}
