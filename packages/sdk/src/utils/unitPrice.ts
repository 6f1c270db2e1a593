import { USD_DECIMALS } from "@bastion/contracts";
import { InvalidParameterError } from "../errors/errors.js";
import { formatDecimal, parseDecimal } from "./decimal.js";

function checkDecimals(tokenDecimals: number): number {
  if (!Number.isInteger(tokenDecimals) || tokenDecimals < 0 || tokenDecimals > USD_DECIMALS) {
    throw new InvalidParameterError("tokenDecimals", `must be an integer in [0, 30], got ${tokenDecimals}`);
  }
  return USD_DECIMALS - tokenDecimals;
}

/**
 * Converts a human price (USD per whole token, e.g. "3000.5" per ETH) into the contracts' unit
 * price: USD with 30 decimals per smallest token unit, so that `amount * price` is a USD value.
 * Exact: throws when the price has more decimals than the unit price can hold (30 - tokenDecimals).
 *
 * @example
 * toUnitPrice("3000", 18); // 3000000000000000n (3000e30 / 1e18)
 * toUnitPrice("60000", 8); // 600000000000000000000000000n
 */
export function toUnitPrice(humanPrice: string, tokenDecimals: number): bigint {
  return parseDecimal(humanPrice, checkDecimals(tokenDecimals), "humanPrice");
}

/**
 * Converts a unit price (USD with 30 decimals per smallest token unit) back into USD per whole token.
 *
 * @example
 * fromUnitPrice(3000000000000000n, 18); // "3000"
 * fromUnitPrice(toUnitPrice("1.2345", 6), 6, { decimals: 2 }); // "1.23"
 */
export function fromUnitPrice(
  unitPrice: bigint,
  tokenDecimals: number,
  options: { decimals?: number } = {},
): string {
  return formatDecimal(unitPrice, checkDecimals(tokenDecimals), options.decimals);
}
