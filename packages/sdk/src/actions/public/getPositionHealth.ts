import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, Hex, MulticallErrorType, Transport } from "viem";
import { isEmptyRecord, readMany } from "../../internal/read.js";
import type { MarketPrices, PositionState } from "../../types.js";

export interface GetPositionHealthParameters {
  exchange: Address;
  /** Position key (see `getPositionKey`). */
  key: Hex;
  /** Prices of the position's market. */
  prices: MarketPrices;
  blockNumber?: bigint | undefined;
}

/** `null` when the position does not exist. */
export type GetPositionHealthReturnType = {
  /** Collateral left if the position closed now (after PnL, fees, funding, close impact), USD. */
  remainingCollateralUsd: bigint;
  /** max(minCollateralUsd, size x maintenance margin factor), USD. */
  maintenanceMarginUsd: bigint;
  /** remaining < maintenance: anyone may liquidate it. */
  liquidatable: boolean;
} | null;

export type GetPositionHealthErrorType = MulticallErrorType;

/**
 * A position's remaining collateral and maintenance margin at `prices`, accrued to the block, and
 * whether it can be liquidated.
 *
 * @example
 * const health = await getPositionHealth(publicClient, { exchange, key, prices });
 * if (health?.liquidatable) await liquidatePosition(keeperClient, { exchange, positionKey: key, priceUpdate });
 */
export async function getPositionHealth(
  client: Client<Transport, Chain | undefined>,
  parameters: GetPositionHealthParameters,
): Promise<GetPositionHealthReturnType> {
  const { exchange, key } = parameters;
  const [position, health] = (await readMany(
    client,
    [
      { address: exchange, abi: exchangeAbi, functionName: "getPosition", args: [key] },
      {
        address: exchange,
        abi: exchangeAbi,
        functionName: "getPositionHealth",
        args: [key, parameters.prices],
      },
    ],
    { blockNumber: parameters.blockNumber },
  )) as [PositionState, readonly [bigint, bigint, boolean]];
  if (isEmptyRecord(position)) return null;
  const [remainingCollateralUsd, maintenanceMarginUsd, liquidatable] = health;
  return { remainingCollateralUsd, maintenanceMarginUsd, liquidatable };
}
