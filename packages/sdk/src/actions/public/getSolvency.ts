import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, ReadContractErrorType, Transport } from "viem";
import { readOne } from "../../internal/read.js";
import type { MarketPrices, Solvency } from "../../types.js";

export interface GetSolvencyParameters {
  exchange: Address;
  market: Address;
  prices: MarketPrices;
  blockNumber?: bigint | undefined;
}

/** Assets, liabilities and surplus of the pool in USD (30 decimals); `surplusUsd < 0` is a deficit. */
export type GetSolvencyReturnType = Solvency;

export type GetSolvencyErrorType = ReadContractErrorType;

/**
 * The pool's assets (its real token balances) against what it owes (collateral, traders' capped
 * PnL, escrow, claims), at `prices`.
 *
 * @example
 * const { surplusUsd, insuranceFundUsd } = await getSolvency(publicClient, { exchange, market, prices });
 */
export async function getSolvency(
  client: Client<Transport, Chain | undefined>,
  parameters: GetSolvencyParameters,
): Promise<GetSolvencyReturnType> {
  return readOne<Solvency>(
    client,
    {
      address: parameters.exchange,
      abi: exchangeAbi,
      functionName: "getSolvency",
      args: [parameters.market, parameters.prices],
    },
    { blockNumber: parameters.blockNumber },
  );
}
