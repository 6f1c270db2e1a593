import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, Hex, ReadContractErrorType, Transport } from "viem";
import { isEmptyRecord, readOne } from "../../internal/read.js";
import type { Position, PositionState } from "../../types.js";
import { getPositionKey } from "../../utils/positionKey.js";

export type GetPositionParameters = {
  exchange: Address;
  blockNumber?: bigint | undefined;
} & ({ key: Hex } | { account: Address; market: Address; collateralToken: Address; isLong: boolean });

/** The position with its key, or `null` when there is none. */
export type GetPositionReturnType = Position | null;

export type GetPositionErrorType = ReadContractErrorType;

/**
 * Reads a position by key, or by account, market, collateral token and side.
 *
 * @example
 * const position = await getPosition(publicClient, {
 *   exchange, account, market: deployment.ethUsdMarket, collateralToken: deployment.usdc, isLong: true,
 * });
 * if (position) console.log(formatUsd(position.sizeUsd));
 */
export async function getPosition(
  client: Client<Transport, Chain | undefined>,
  parameters: GetPositionParameters,
): Promise<GetPositionReturnType> {
  const key = "key" in parameters ? parameters.key : getPositionKey(parameters);
  const state = await readOne<PositionState>(
    client,
    { address: parameters.exchange, abi: exchangeAbi, functionName: "getPosition", args: [key] },
    { blockNumber: parameters.blockNumber },
  );
  return isEmptyRecord(state) ? null : { ...state, key };
}
