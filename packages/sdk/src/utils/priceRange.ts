import { FLOAT_ONE } from "@bastion/contracts";
import { InvalidParameterError } from "../errors/errors.js";
import type { PriceRange } from "../types.js";

export interface PythPriceToRangeParameters {
  /** Pyth mantissa and confidence, and the exponent they carry. */
  price: bigint;
  conf: bigint;
  expo: number;
  /** Decimals of the token the feed prices. */
  tokenDecimals: number;
  /** The oracle's `confidenceMultiplier` (30 decimals; 1e30 = one confidence). */
  confidenceMultiplier: bigint;
  /** The oracle's `maxConfidenceFactor` (30 decimals); checked when given. */
  maxConfidenceFactor?: bigint | undefined;
}

/**
 * A Pyth price as the oracle turns it into a range (mirror of `OracleMath.toPriceRange`):
 * `(price -/+ ceil(conf x k)) x 10^(30 + expo - tokenDecimals)`, USD (30 decimals) per smallest unit.
 *
 * @example
 * pythPriceToRange({ price: 300000000000n, conf: 30000000n, expo: -8, tokenDecimals: 18, confidenceMultiplier: 10n ** 30n });
 * // { min: 2999700000000000n, max: 3000300000000000n }
 */
export function pythPriceToRange(parameters: PythPriceToRangeParameters): PriceRange {
  const { price, conf, expo, tokenDecimals, confidenceMultiplier, maxConfidenceFactor } = parameters;
  const power = 30 + expo - tokenDecimals;
  if (power < 0 || power > 30) {
    throw new InvalidParameterError(
      "expo",
      `exponent ${expo} cannot price a token with ${tokenDecimals} decimals`,
    );
  }
  if (price <= 0n) throw new InvalidParameterError("price", `must be positive, got ${price}`);
  if (conf < 0n) throw new InvalidParameterError("conf", "must not be negative");
  if (maxConfidenceFactor !== undefined && conf * FLOAT_ONE > price * maxConfidenceFactor) {
    throw new InvalidParameterError(
      "conf",
      `confidence ${conf} is wider than the oracle accepts for price ${price}`,
    );
  }
  const spread = (conf * confidenceMultiplier + FLOAT_ONE - 1n) / FLOAT_ONE;
  if (spread >= price)
    throw new InvalidParameterError("conf", `confidence ${conf} is not below the price ${price}`);
  const multiplier = 10n ** BigInt(power);
  return { min: (price - spread) * multiplier, max: (price + spread) * multiplier };
}
