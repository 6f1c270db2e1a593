import { exchangeAbi, poolTokenAbi } from "@bastion/contracts";
import type { Address, Chain, Client, MulticallErrorType, Transport } from "viem";
import { readMany } from "../../internal/read.js";
import type { MarketPrices } from "../../types.js";
import { ONE_SHARE, usdForShares } from "../../utils/poolMath.js";

/**
 * Which pool value prices the share:
 * - `withdrawal`: token balances at min prices, traders' PnL uncapped at the prices that maximise
 *   it (`getPoolValue(maximize=false, capPnl=false)`), the valuation a withdrawal executes at: what
 *   a share redeems for before the liquidity fee.
 * - `deposit`: max prices, PnL capped and at its lowest (`maximize=true, capPnl=true`), the
 *   valuation a deposit executes at: what a new share costs before the fee.
 */
export type SharePriceVariant = "withdrawal" | "deposit";

export interface GetSharePriceParameters {
  exchange: Address;
  market: Address;
  prices: MarketPrices;
  /** Default `withdrawal`. */
  variant?: SharePriceVariant | undefined;
  blockNumber?: bigint | undefined;
}

export interface GetSharePriceReturnType {
  /** USD (30 decimals) per whole share (1e18 units), rounded down. */
  sharePriceUsd: bigint;
  /** The pool value used, USD (30 decimals). */
  poolValueUsd: bigint;
  /** LP shares in existence. */
  totalSupply: bigint;
  variant: SharePriceVariant;
}

export type GetSharePriceErrorType = MulticallErrorType;

/**
 * The USD value of one LP share, from pool value and supply with the contracts' virtual offsets
 * (`PoolMath`: 1e18 virtual shares, 1e30 virtual USD): `1e18 x (max(poolValue, 0) + 1e30) /
 * (supply + 1e18)`. An empty pool prices a share at $1.
 *
 * @example
 * const { sharePriceUsd } = await getSharePrice(publicClient, { exchange, market, prices });
 * formatUsd(sharePriceUsd, { decimals: 4 }); // "1.0003"
 */
export async function getSharePrice(
  client: Client<Transport, Chain | undefined>,
  parameters: GetSharePriceParameters,
): Promise<GetSharePriceReturnType> {
  const variant = parameters.variant ?? "withdrawal";
  const maximize = variant === "deposit";
  const [poolValueUsd, totalSupply] = (await readMany(
    client,
    [
      {
        address: parameters.exchange,
        abi: exchangeAbi,
        functionName: "getPoolValue",
        args: [parameters.market, parameters.prices, maximize, maximize],
      },
      { address: parameters.market, abi: poolTokenAbi, functionName: "totalSupply" },
    ],
    { blockNumber: parameters.blockNumber },
  )) as [bigint, bigint];
  return {
    sharePriceUsd: usdForShares(ONE_SHARE, poolValueUsd, totalSupply),
    poolValueUsd,
    totalSupply,
    variant,
  };
}
