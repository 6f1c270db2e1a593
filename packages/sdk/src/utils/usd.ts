import { USD_DECIMALS } from "@bastion/contracts";
import { formatDecimal, parseDecimal } from "./decimal.js";

/**
 * Parses a USD amount into the contracts' 30-decimal fixed point, exactly (string based, no floats).
 *
 * @example
 * parseUsd("1234.56"); // 1234560000000000000000000000000000n
 * parseUsd("-5"); // -5000000000000000000000000000000n
 */
export function parseUsd(value: string): bigint {
  return parseDecimal(value, USD_DECIMALS, "usd");
}

export interface FormatUsdOptions {
  /** Round (half away from zero) to this many decimals. Default: exact, trailing zeros dropped. */
  decimals?: number | undefined;
}

/**
 * Formats a 30-decimal USD value as a decimal string.
 *
 * @example
 * formatUsd(1234560000000000000000000000000000n); // "1234.56"
 * formatUsd(parseUsd("2.345"), { decimals: 2 }); // "2.35"
 */
export function formatUsd(value: bigint, options: FormatUsdOptions = {}): string {
  return formatDecimal(value, USD_DECIMALS, options.decimals);
}
