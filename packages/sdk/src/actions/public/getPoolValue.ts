import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, ReadContractErrorType, Transport } from "viem";
import { readOne } from "../../internal/read.js";
import type { MarketPrices } from "../../types.js";

export interface GetPoolValueParameters {
  exchange: Address;
  market: Address;
  /** Price ranges, e.g. from `getMarketPrices`. */
  prices: MarketPrices;
  /** Value pool tokens at max prices and traders' PnL at its lowest, as deposits do (default false). */
  maximize?: boolean | undefined;
  /** Cap traders' profit at the market's max PnL factor, as deposits and displays do (default true). */
  capPnl?: boolean | undefined;
  blockNumber?: bigint | undefined;
}

/** Pool value in USD (30 decimals), accrued to the block; negative when traders' gains exceed the pool. */
export type GetPoolValueReturnType = bigint;

export type GetPoolValueErrorType = ReadContractErrorType;

/**
 * The pool's value: token balances at oracle prices + pending fees owed to the pool - traders' net
 * PnL. Deposits use `maximize: true, capPnl: true`; withdrawals `maximize: false, capPnl: false`.
 *
 * @example
 * const valueUsd = await getPoolValue(publicClient, { exchange, market, prices });
 */
export async function getPoolValue(
  client: Client<Transport, Chain | undefined>,
  parameters: GetPoolValueParameters,
): Promise<GetPoolValueReturnType> {
  return readOne<bigint>(
    client,
    {
      address: parameters.exchange,
      abi: exchangeAbi,
      functionName: "getPoolValue",
      args: [parameters.market, parameters.prices, parameters.maximize ?? false, parameters.capPnl ?? true],
    },
    { blockNumber: parameters.blockNumber },
  );
}
