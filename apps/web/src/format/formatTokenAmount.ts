import { formatDecimalMagnitude, roundsToZero } from "./decimalString";

export type FormatTokenAmountOptions = {
  /** Appended after a space: "1.5 WETH". */
  symbol?: string;
  /** Digits after the decimal point (default: the token's decimals, at most 6). */
  maxFractionDigits?: number;
  /** Digits always shown after the decimal point (default 0: trailing zeros are trimmed). */
  minFractionDigits?: number;
};

/**
 * Formats a token amount in its smallest unit (wei for 18 decimals): exact, grouped, rounded half
 * away from zero. A non-zero amount too small to show becomes "<0.000001" rather than "0".
 */
export function formatTokenAmount(
  amount: bigint,
  decimals: number,
  options: FormatTokenAmountOptions = {},
): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 77) {
    throw new RangeError(`formatTokenAmount: bad token decimals ${decimals}`);
  }
  const maxFractionDigits = options.maxFractionDigits ?? Math.min(decimals, 6);
  const minFractionDigits = Math.min(options.minFractionDigits ?? 0, maxFractionDigits);
  const suffix = options.symbol === undefined ? "" : ` ${options.symbol}`;

  if (roundsToZero(amount, decimals, maxFractionDigits)) {
    const smallest = formatDecimalMagnitude(1n, maxFractionDigits, { maxFractionDigits });
    return `${amount < 0n ? "-" : ""}<${smallest}${suffix}`;
  }
  const text = formatDecimalMagnitude(amount, decimals, { maxFractionDigits, minFractionDigits });
  return `${amount < 0n ? "-" : ""}${text}${suffix}`;
}
