import { pow10 } from "./decimalString";
import { formatUsd, USD_DECIMALS } from "./formatUsd";

/**
 * On chain, a price is USD with 30 decimals per smallest unit of the token (GMX convention), so
 * that `amount * price` is a 1e30 USD value. Per whole token that is `price * 10^decimals`.
 */
export function pricePerWholeTokenE30(pricePerUnitE30: bigint, tokenDecimals: number): bigint {
  return pricePerUnitE30 * pow10(tokenDecimals);
}

/**
 * Formats a USD price per whole token (1e30 fixed point) with precision that suits its size:
 * "$97,250.50" for BTC, "$1.0003" for a stablecoin, "$0.00001234" for a memecoin.
 */
export function formatPriceUsd(pricePerTokenE30: bigint): string {
  const magnitude = pricePerTokenE30 < 0n ? -pricePerTokenE30 : pricePerTokenE30;
  let maxFractionDigits = 8;
  if (magnitude >= pow10(USD_DECIMALS + 3)) maxFractionDigits = 2;
  else if (magnitude >= pow10(USD_DECIMALS)) maxFractionDigits = 4;
  return formatUsd(pricePerTokenE30, { maxFractionDigits, minFractionDigits: 2 });
}

/** Formats an on-chain price (per smallest unit) as USD per whole token: "$3,012.45". */
export function formatTokenPriceUsd(pricePerUnitE30: bigint, tokenDecimals: number): string {
  return formatPriceUsd(pricePerWholeTokenE30(pricePerUnitE30, tokenDecimals));
}
