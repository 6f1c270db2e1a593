import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, Hex, MulticallErrorType, Transport } from "viem";
import { InvalidParameterError } from "../../errors/errors.js";
import { isEmptyRecord, readMany, readOne, snapshotBlock } from "../../internal/read.js";
import type { Position, PositionState } from "../../types.js";

export interface GetMarketPositionsParameters {
  exchange: Address;
  market: Address;
  /** Keys read per `getPositionKeys` page (default 200). */
  pageSize?: number | undefined;
  blockNumber?: bigint | undefined;
}

/** Every open position of the market, in the contract's key order. */
export type GetMarketPositionsReturnType = Position[];

export type GetMarketPositionsErrorType = InvalidParameterError | MulticallErrorType;

/**
 * Every open position of a market: pages `getPositionKeys` and reads each page's positions in one
 * multicall, all at one block (the key set reorders on removal, so a single snapshot matters).
 *
 * @example
 * const positions = await getMarketPositions(publicClient, { exchange, market: deployment.ethUsdMarket, pageSize: 100 });
 */
export async function getMarketPositions(
  client: Client<Transport, Chain | undefined>,
  parameters: GetMarketPositionsParameters,
): Promise<GetMarketPositionsReturnType> {
  const { exchange, market } = parameters;
  const pageSize = parameters.pageSize ?? 200;
  if (!Number.isInteger(pageSize) || pageSize <= 0) {
    throw new InvalidParameterError("pageSize", `must be a positive integer, got ${pageSize}`);
  }
  const blockNumber = await snapshotBlock(client, parameters.blockNumber);
  const count = await readOne<bigint>(
    client,
    { address: exchange, abi: exchangeAbi, functionName: "getPositionCount", args: [market] },
    { blockNumber },
  );
  const positions: Position[] = [];
  for (let start = 0n; start < count; start += BigInt(pageSize)) {
    const keys = await readOne<readonly Hex[]>(
      client,
      {
        address: exchange,
        abi: exchangeAbi,
        functionName: "getPositionKeys",
        args: [market, start, BigInt(pageSize)],
      },
      { blockNumber },
    );
    const states = (await readMany(
      client,
      keys.map((key) => ({ address: exchange, abi: exchangeAbi, functionName: "getPosition", args: [key] })),
      { blockNumber },
    )) as PositionState[];
    states.forEach((state, i) => {
      if (!isEmptyRecord(state)) positions.push({ ...state, key: keys[i] as Hex });
    });
  }
  return positions;
}
