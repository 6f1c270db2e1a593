import type { Address, Chain, Client, MulticallErrorType, Transport } from "viem";
import type { UnknownMarketError } from "../../errors/errors.js";
import { loadMarkets, type MarketInfo } from "../../internal/markets.js";

export interface GetMarketParameters {
  exchange: Address;
  /** The market id (its pool token address). */
  market: Address;
  blockNumber?: bigint | undefined;
}

export type GetMarketReturnType = MarketInfo;

export type GetMarketErrorType = UnknownMarketError | MulticallErrorType;

/**
 * Reads one market with its tokens, config and state. Throws `UnknownMarketError` when the address
 * is not a market of the exchange.
 *
 * @example
 * const market = await getMarket(publicClient, { exchange, market: deployment.ethUsdMarket });
 * market.openInterest.longUsd; // USD, 30 decimals
 */
export async function getMarket(
  client: Client<Transport, Chain | undefined>,
  parameters: GetMarketParameters,
): Promise<GetMarketReturnType> {
  const [market] = await loadMarkets(
    client,
    parameters.exchange,
    [parameters.market],
    parameters.blockNumber,
  );
  return market as MarketInfo;
}
