/**
 * Conversions between market-data numbers and the contracts' units, and display formatting.
 * On chain a price is USD with 30 decimals per smallest token unit (`amount * price` is USD with 30
 * decimals); a factor has 30 decimals (1e30 = 100%).
 * @module
 */
import { bigintRatio } from "../calibration/fixedPoint.js";
import { InvalidParameterError } from "../volatility/errors.js";

/** One USD with 30 decimals (and a factor of 100%). */
export const USD_ONE_E30 = 10n ** 30n;

const DECIMAL_NUMBER = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** `digits x 10^exponent` as a bigint, truncated toward zero. */
function scaledDecimal(value: number, exponent: number, name: string): bigint {
  const match = DECIMAL_NUMBER.exec(String(value));
  if (match === null) throw new InvalidParameterError(name, value, "a finite number >= 0");
  const [, integerDigits = "0", fractionDigits = "", exponentText = "0"] = match;
  const digits = BigInt(integerDigits + fractionDigits);
  const power = exponent + Number(exponentText) - fractionDigits.length;
  return power >= 0 ? digits * 10n ** BigInt(power) : digits / 10n ** BigInt(-power);
}

/**
 * A USD price per whole token (a kline's `2836.04`) as the contracts' price: USD with 30 decimals
 * per smallest unit of a token with `tokenDecimals` decimals. The number is read as the decimal it
 * prints as, so `2836.04` is exactly 2836.04; digits beyond 30 - decimals places are truncated.
 * Throws for NaN, infinite, zero or negative prices.
 *
 * @example
 * priceE30PerUnit(2836.04, 18); // 2836040000000000n (USD(1e30) per wei)
 * priceE30PerUnit(1, 6);        // 10n ** 24n (one USDC unit)
 */
export function priceE30PerUnit(price: number, tokenDecimals: number): bigint {
  if (!Number.isFinite(price) || price <= 0)
    throw new InvalidParameterError("price", price, "a finite number > 0");
  if (!Number.isInteger(tokenDecimals) || tokenDecimals < 0 || tokenDecimals > 30) {
    throw new InvalidParameterError("tokenDecimals", tokenDecimals, "an integer in [0, 30]");
  }
  const result = scaledDecimal(price, 30 - tokenDecimals, "price");
  if (result <= 0n)
    throw new InvalidParameterError(
      "price",
      price,
      `a price of at least one unit of 1e-${30 - tokenDecimals} USD`,
    );
  return result;
}

/**
 * The contracts' price (USD with 30 decimals per smallest unit) as a USD price per whole token, for
 * display and statistics.
 *
 * @example
 * priceE30ToNumber(2836040000000000n, 18); // 2836.04
 */
export function priceE30ToNumber(priceE30: bigint, tokenDecimals: number): number {
  return bigintRatio(priceE30 * 10n ** BigInt(tokenDecimals), USD_ONE_E30);
}

/**
 * A USD amount (`number`, e.g. a sampled position size) as USD with 30 decimals, rounded to the cent.
 *
 * @example
 * usdToE30(1234.567); // 1234570000000000000000000000000000n
 */
export function usdToE30(usd: number): bigint {
  if (!Number.isFinite(usd) || usd < 0) throw new InvalidParameterError("usd", usd, "a finite number >= 0");
  return BigInt(Math.round(usd * 100)) * 10n ** 28n;
}

/** USD with 30 decimals as a `number` of dollars, for display and statistics. */
export function usdE30ToNumber(usdE30: bigint): number {
  return bigintRatio(usdE30, USD_ONE_E30);
}

/**
 * A fraction (`0.01` = 1%) as a factor with 30 decimals, rounded to the nearest 1e-12 (exact for the
 * decimals a user types). Throws for NaN, infinite or negative values.
 *
 * @example
 * fractionToFactorE30(0.0125); // 12500000000000000000000000000n
 */
export function fractionToFactorE30(fraction: number, name = "fraction"): bigint {
  if (!Number.isFinite(fraction) || fraction < 0)
    throw new InvalidParameterError(name, fraction, "a finite number >= 0");
  return scaledDecimal(fraction, 30, name);
}

/**
 * USD with 30 decimals as `$1,234,567` (whole dollars, rounded toward zero; cents below $100).
 *
 * @example
 * formatUsdE30(1234567n * 10n ** 30n); // "$1,234,567"
 */
export function formatUsdE30(usdE30: bigint): string {
  const negative = usdE30 < 0n;
  const magnitude = negative ? -usdE30 : usdE30;
  const dollars = magnitude / USD_ONE_E30;
  let text = dollars.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (dollars < 100n) {
    const cents = (magnitude % USD_ONE_E30) / 10n ** 28n;
    text += `.${cents.toString().padStart(2, "0")}`;
  }
  return `${negative ? "-" : ""}$${text}`;
}

/**
 * A factor with 30 decimals as a percentage string (`1.25%`), for display.
 *
 * @example
 * formatFactorE30(125n * 10n ** 26n); // "1.25%"
 */
export function formatFactorE30(factorE30: bigint, digits = 2): string {
  return `${(bigintRatio(factorE30, USD_ONE_E30) * 100).toFixed(digits)}%`;
}
