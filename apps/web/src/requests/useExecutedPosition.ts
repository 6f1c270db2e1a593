import { getMarkets, getPosition } from "@bastion/sdk";
import { useQuery } from "@tanstack/react-query";
import { type Address, type Hex, isAddressEqual } from "viem";
import { getBlock } from "viem/actions";
import { toMarketState } from "../chain/marketState";
import { useExchange } from "../chain/useExchange";

/**
 * The market and the position exactly as the execution left them (read at its block), and that
 * block's time: what the mirror needs to value the executed position as of its execution.
 */
export function useExecutedPosition(market: Address, positionKey: Hex, blockNumber: bigint) {
  const { client, exchange, config } = useExchange();
  return useQuery({
    queryKey: ["history", config.chainId, exchange, "executed-position", positionKey, blockNumber.toString()],
    queryFn: async () => {
      const [markets, position, block] = await Promise.all([
        getMarkets(client, { exchange, blockNumber }),
        getPosition(client, { exchange, key: positionKey, blockNumber }),
        getBlock(client, { blockNumber }),
      ]);
      const info = markets.find((candidate) => isAddressEqual(candidate.address, market));
      if (info === undefined) throw new Error(`market ${market} is not on chain`);
      return { state: toMarketState(info), position, timestamp: block.timestamp };
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
