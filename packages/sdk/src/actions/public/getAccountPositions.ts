import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, MulticallErrorType, Transport } from "viem";
import { isEmptyRecord, readMany, readOne, snapshotBlock } from "../../internal/read.js";
import type { MarketState, Position, PositionState } from "../../types.js";
import { getPositionKey } from "../../utils/positionKey.js";

export interface GetAccountPositionsParameters {
  exchange: Address;
  account: Address;
  /** Only these markets (default: every market). */
  markets?: readonly Address[] | undefined;
  blockNumber?: bigint | undefined;
}

/** The account's open positions, in market order, then collateral token (long, short), then side (long, short). */
export type GetAccountPositionsReturnType = Position[];

export type GetAccountPositionsErrorType = MulticallErrorType;

/**
 * Every open position of an account: all markets x both pool tokens as collateral x both sides,
 * read in one multicall at one block.
 *
 * @example
 * const positions = await getAccountPositions(publicClient, { exchange, account: trader });
 */
export async function getAccountPositions(
  client: Client<Transport, Chain | undefined>,
  parameters: GetAccountPositionsParameters,
): Promise<GetAccountPositionsReturnType> {
  const { exchange, account } = parameters;
  const blockNumber = await snapshotBlock(client, parameters.blockNumber);
  const markets =
    parameters.markets ??
    (await readOne<readonly Address[]>(
      client,
      { address: exchange, abi: exchangeAbi, functionName: "getMarkets" },
      { blockNumber },
    ));
  const states = (await readMany(
    client,
    markets.map((market) => ({
      address: exchange,
      abi: exchangeAbi,
      functionName: "getMarket",
      args: [market],
    })),
    { blockNumber },
  )) as MarketState[];
  const keys = markets.flatMap((market, i) => {
    const state = states[i] as MarketState;
    return [state.longToken, state.shortToken].flatMap((collateralToken) =>
      [true, false].map((isLong) => getPositionKey({ account, market, collateralToken, isLong })),
    );
  });
  const positions = (await readMany(
    client,
    keys.map((key) => ({ address: exchange, abi: exchangeAbi, functionName: "getPosition", args: [key] })),
    { blockNumber },
  )) as PositionState[];
  return positions.flatMap((state, i) =>
    isEmptyRecord(state) ? [] : [{ ...state, key: keys[i] as Position["key"] }],
  );
}
