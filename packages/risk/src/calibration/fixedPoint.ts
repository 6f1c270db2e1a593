import { InvalidParameterError } from "../volatility/errors.js";

/** 100% as an on-chain factor: factors are fixed point with 30 decimals. */
export const FACTOR_ONE_E30 = 10n ** 30n;

/**
 * Default grid a calibrated factor is rounded up to: 1e24 = 0.0001% (0.01 bp). Finer digits would
 * be noise: the statistics behind a factor are not that precise.
 */
export const DEFAULT_FACTOR_RESOLUTION_E30 = 10n ** 24n;

const DECIMAL_NUMBER = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/**
 * Converts a fraction (`0.0125` = 1.25%) to an on-chain factor (1e30 = 100%), rounding UP to a
 * multiple of `resolutionE30`: margins round against the trader. The number is read as the decimal
 * it prints as (`String(fraction)`), so `0.01` becomes exactly `1e28`, not the binary double's
 * `1.00000000000000002e28`. Throws for negative, NaN or infinite input.
 *
 * @example
 * fractionToFactorE30Up(0.0123456789); // 12346000000000000000000000000n (0.012346: rounded up to 0.0001%)
 * fractionToFactorE30Up(0.0123456789, 1n); // 12345678900000000000000000000n
 */
export function fractionToFactorE30Up(
  fraction: number,
  resolutionE30: bigint = DEFAULT_FACTOR_RESOLUTION_E30,
): bigint {
  if (!Number.isFinite(fraction) || fraction < 0) {
    throw new InvalidParameterError("fraction", fraction, "a finite number >= 0");
  }
  if (resolutionE30 <= 0n) throw new InvalidParameterError("resolutionE30", resolutionE30, "> 0");
  const match = DECIMAL_NUMBER.exec(String(fraction));
  if (match === null) throw new InvalidParameterError("fraction", fraction, "a plain decimal number");
  const [, integerDigits = "0", fractionDigits = "", exponentText = "0"] = match;
  const digits = BigInt(integerDigits + fractionDigits);
  const decimalExponent = 30 + Number(exponentText) - fractionDigits.length;
  const exactE30 =
    decimalExponent >= 0
      ? digits * 10n ** BigInt(decimalExponent)
      : ceilDiv(digits, 10n ** BigInt(-decimalExponent));
  return ceilDiv(exactE30, resolutionE30) * resolutionE30;
}

/**
 * An on-chain factor (1e30 = 100%) as a fraction for statistics and display (`number`).
 *
 * @example
 * factorE30ToFraction(5n * 10n ** 27n); // 0.005
 */
export function factorE30ToFraction(factorE30: bigint): number {
  return bigintRatio(factorE30, FACTOR_ONE_E30);
}

/**
 * `numerator / denominator` as a `number`, without first converting either bigint (which could
 * exceed 2^53 or overflow to Infinity). Relative error about 1e-18 plus the final rounding.
 *
 * @example
 * bigintRatio(10n ** 36n, 4n * 10n ** 36n); // 0.25
 */
export function bigintRatio(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new InvalidParameterError("denominator", denominator, "non-zero");
  const scale = 10n ** 18n;
  const whole = numerator / denominator;
  const remainder = numerator - whole * denominator;
  return Number(whole) + Number((remainder * scale) / denominator) / 1e18;
}
