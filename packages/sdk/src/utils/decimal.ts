import { InvalidParameterError } from "../errors/errors.js";

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string into an integer scaled by 10^decimals, exactly (no floating point).
 * Throws when the string is not a plain decimal or has more fraction digits than `decimals`.
 * @internal
 */
export function parseDecimal(value: string, decimals: number, parameter: string): bigint {
  const match = DECIMAL.exec(value.trim());
  if (!match) {
    throw new InvalidParameterError(parameter, `"${value}" is not a decimal number like "1234.56"`);
  }
  const [, sign, whole = "0", fraction = ""] = match;
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > decimals) {
    throw new InvalidParameterError(
      parameter,
      `"${value}" has ${trimmed.length} fraction digits; at most ${decimals} can be represented exactly`,
    );
  }
  const magnitude = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(trimmed.padEnd(decimals, "0") || "0");
  return sign ? -magnitude : magnitude;
}

/**
 * Formats an integer scaled by 10^decimals as a decimal string. With `maxDecimals`, rounds half away
 * from zero to that many fraction digits; trailing zeros are always dropped.
 * @internal
 */
export function formatDecimal(value: bigint, decimals: number, maxDecimals?: number): string {
  const negative = value < 0n;
  let magnitude = negative ? -value : value;
  let scale = decimals;
  if (maxDecimals !== undefined && maxDecimals < decimals) {
    const divisor = 10n ** BigInt(decimals - maxDecimals);
    magnitude = (magnitude + divisor / 2n) / divisor;
    scale = maxDecimals;
  }
  const base = 10n ** BigInt(scale);
  const whole = (magnitude / base).toString();
  const fraction = scale === 0 ? "" : (magnitude % base).toString().padStart(scale, "0").replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && magnitude !== 0n ? `-${text}` : text;
}
