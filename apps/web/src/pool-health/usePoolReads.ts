import { getSharePrice, getSolvency, type MarketPrices } from "@bastion/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { CHAIN_POLL_MS } from "../chain/polling";
import { useExchange } from "../chain/useExchange";

const pricesKey = (prices: MarketPrices | undefined) =>
  prices === undefined
    ? undefined
    : [prices.index.min, prices.index.max, prices.long.min, prices.short.min].map(String);

/** The pool's assets against its liabilities at the given prices (`getSolvency`). */
export function useSolvency(market: Address, prices: MarketPrices | undefined) {
  const { client, exchange, config } = useExchange();
  return useQuery({
    queryKey: ["bastion", config.chainId, exchange, "solvency", market, pricesKey(prices)],
    queryFn: () => getSolvency(client, { exchange, market, prices: prices as MarketPrices }),
    enabled: prices !== undefined,
    refetchInterval: CHAIN_POLL_MS,
    placeholderData: keepPreviousData,
  });
}

/** Pool value and the value of one share, as a withdrawal or a deposit would price them. */
export function useSharePrice(
  market: Address,
  prices: MarketPrices | undefined,
  variant: "withdrawal" | "deposit" = "withdrawal",
) {
  const { client, exchange, config } = useExchange();
  return useQuery({
    queryKey: ["bastion", config.chainId, exchange, "share-price", market, variant, pricesKey(prices)],
    queryFn: () => getSharePrice(client, { exchange, market, prices: prices as MarketPrices, variant }),
    enabled: prices !== undefined,
    refetchInterval: CHAIN_POLL_MS,
    placeholderData: keepPreviousData,
  });
}
