import { type Address, type Hex, isAddressEqual } from "viem";
import type { TokenConfig } from "../config/appConfigSchema";
import { marketFeedIds } from "../config/marketFeeds";
import { shortenAddress } from "../format/formatAddress";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatTokenAmount } from "../format/formatTokenAmount";
import type { ErrorContext } from "./ErrorDescription";

export function findToken(context: ErrorContext, address: Address): TokenConfig | undefined {
  for (const market of context.markets ?? []) {
    for (const token of [market.indexToken, market.longToken, market.shortToken]) {
      if (isAddressEqual(token.address, address)) return token;
    }
  }
  return undefined;
}

/** "1.5 WETH" for a known token; "1500000000000000000 units of token 0x82aF…Bab1" otherwise. */
export function tokenAmountText(context: ErrorContext, token: Address, amount: bigint): string {
  const known = findToken(context, token);
  if (known === undefined) return `${amount} units of token ${shortenAddress(token)}`;
  return formatTokenAmount(amount, known.decimals, { symbol: known.symbol });
}

/** "USDC" for a known token, else its short address. */
export function tokenText(context: ErrorContext, token: Address): string {
  return findToken(context, token)?.symbol ?? `token ${shortenAddress(token)}`;
}

/** "ETH/USD" when the address is a configured market, else "market 0x1234…abcd". */
export function marketText(context: ErrorContext, address: Address): string {
  const market = context.markets?.find((candidate) => isAddressEqual(candidate.address, address));
  return market === undefined ? `market ${shortenAddress(address)}` : market.symbol;
}

/** "the ETH/USD feed" for a feed some configured market uses, else "feed 0xff61…0ace". */
export function feedText(context: ErrorContext, feedId: Hex): string {
  const id = feedId.toLowerCase();
  for (const market of context.markets ?? []) {
    if (market.pythPriceFeedId === id) return `the ${market.symbol} price feed`;
    if (marketFeedIds(market).includes(id as Hex)) {
      const token = [market.longToken, market.shortToken].find(
        (candidate) => candidate.pythPriceFeedId === id,
      );
      if (token !== undefined) return `the ${token.symbol} price feed`;
    }
  }
  return `price feed ${shortenAddress(feedId)}`;
}

/** An on-chain index price (per smallest unit) as USD per whole token, when the market is known. */
export function indexPriceText(context: ErrorContext, pricePerUnitE30: bigint): string | undefined {
  const market = context.market;
  return market === undefined ? undefined : formatTokenPriceUsd(pricePerUnitE30, market.indexToken.decimals);
}

/** Decoded arguments of an error the app has no sentence for, printed bigint-safely. */
export function argumentText(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(argumentText).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value)
      .map(([key, entry]) => `${key}: ${argumentText(entry)}`)
      .join(", ")}}`;
  }
  return String(value);
}
