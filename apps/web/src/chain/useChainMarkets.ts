import { getMarkets, type MarketInfo } from "@bastion/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type Address, isAddressEqual } from "viem";
import { CHAIN_POLL_MS } from "./polling";
import { useExchange } from "./useExchange";

/** Every market as the chain holds it (config, balances, open interest, rates, ledger), kept fresh. */
export function useChainMarkets() {
  const { client, exchange, config } = useExchange();
  return useQuery({
    queryKey: ["bastion", config.chainId, exchange, "markets"],
    queryFn: () => getMarkets(client, { exchange }),
    refetchInterval: CHAIN_POLL_MS,
    placeholderData: keepPreviousData,
  });
}

/** One market's chain state, with the query's status and error. */
export function useChainMarket(market: Address) {
  const query = useChainMarkets();
  const info: MarketInfo | undefined = query.data?.find((candidate) =>
    isAddressEqual(candidate.address, market),
  );
  return { ...query, data: info };
}
