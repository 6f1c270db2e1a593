/**
 * Exact decimal rendering of fixed-point bigints. Everything here stays in bigint: a money amount
 * never passes through `number`, so no digit is lost however large or precise it is.
 */

export type DecimalStringOptions = {
  /** Digits kept after the decimal point (the value is rounded half away from zero). */
  maxFractionDigits: number;
  /** Digits always shown after the decimal point, padding with zeros (default 0). */
  minFractionDigits?: number;
  /** Insert "," between groups of three integer digits (default true). */
  groupThousands?: boolean;
};

/** 10 ** exponent as a bigint. */
export function pow10(exponent: number): bigint {
  if (!Number.isInteger(exponent) || exponent < 0) throw new RangeError(`pow10: bad exponent ${exponent}`);
  return 10n ** BigInt(exponent);
}

/** Rounds `value / 10**decimals` to `fractionDigits` digits, half away from zero, and keeps the scale. */
export function roundToFractionDigits(value: bigint, decimals: number, fractionDigits: number): bigint {
  if (fractionDigits >= decimals) return value * pow10(fractionDigits - decimals);
  const divisor = pow10(decimals - fractionDigits);
  const magnitude = value < 0n ? -value : value;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return value < 0n ? -rounded : rounded;
}

/** "1234567" -> "1,234,567". */
export function groupDigits(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Renders the absolute value of `value / 10**decimals`. The caller adds the sign, so that
 * currency symbols can go between the sign and the digits ("-$1.00").
 */
export function formatDecimalMagnitude(
  value: bigint,
  decimals: number,
  options: DecimalStringOptions,
): string {
  const { maxFractionDigits, minFractionDigits = 0, groupThousands = true } = options;
  if (minFractionDigits > maxFractionDigits) {
    throw new RangeError("minFractionDigits must not exceed maxFractionDigits");
  }
  const rounded = roundToFractionDigits(value < 0n ? -value : value, decimals, maxFractionDigits);
  const digits = rounded.toString().padStart(maxFractionDigits + 1, "0");
  const integerPart = digits.slice(0, digits.length - maxFractionDigits);
  let fractionPart = digits.slice(digits.length - maxFractionDigits);
  while (fractionPart.length > minFractionDigits && fractionPart.endsWith("0")) {
    fractionPart = fractionPart.slice(0, -1);
  }
  const integerText = groupThousands ? groupDigits(integerPart) : integerPart;
  return fractionPart.length > 0 ? `${integerText}.${fractionPart}` : integerText;
}

/** True when a non-zero value rounds to zero at `fractionDigits` digits. */
export function roundsToZero(value: bigint, decimals: number, fractionDigits: number): boolean {
  return value !== 0n && roundToFractionDigits(value, decimals, fractionDigits) === 0n;
}
