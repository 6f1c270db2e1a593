import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, MulticallErrorType, ReadContractErrorType, Transport } from "viem";
import { loadMarkets, type MarketInfo } from "../../internal/markets.js";
import { readOne, snapshotBlock } from "../../internal/read.js";

export interface GetMarketsParameters {
  exchange: Address;
  /** Read at this block (default: the latest, one snapshot for every read). */
  blockNumber?: bigint | undefined;
}

/** Every market, in creation order, with tokens, config, balances, open interest, rates, ledger and supply. */
export type GetMarketsReturnType = MarketInfo[];

export type GetMarketsErrorType = ReadContractErrorType | MulticallErrorType;

/**
 * Reads every market of the exchange in three round trips (the list, then one multicall for the
 * markets and pool tokens, one for their tokens), all at one block. Works on chains without
 * Multicall3 (anvil) through a deployless multicall.
 *
 * @example
 * const markets = await getMarkets(publicClient, { exchange: deployment.exchange });
 * markets[0].indexToken.symbol; // "WETH"
 */
export async function getMarkets(
  client: Client<Transport, Chain | undefined>,
  parameters: GetMarketsParameters,
): Promise<GetMarketsReturnType> {
  const blockNumber = await snapshotBlock(client, parameters.blockNumber);
  const markets = await readOne<readonly Address[]>(
    client,
    { address: parameters.exchange, abi: exchangeAbi, functionName: "getMarkets" },
    { blockNumber },
  );
  return loadMarkets(client, parameters.exchange, markets, blockNumber);
}
