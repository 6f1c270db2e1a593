import { exchangeAbi, pythOracleAbi } from "@bastion/contracts";
import type { Address, Chain, Client, Hex, MulticallErrorType, Transport } from "viem";
import { readMany, readOne } from "../../internal/read.js";

export interface GetLastAcceptedPriceParameters {
  exchange: Address;
  /** Pyth feed id (0x-prefixed). */
  feedId: Hex;
  /** The oracle's address; read from the exchange when omitted. */
  oracle?: Address | undefined;
  blockNumber?: bigint | undefined;
}

export interface GetLastAcceptedPriceReturnType {
  /** Mid price, USD (30 decimals) per smallest token unit; 0 when none was accepted yet. */
  price: bigint;
  /** Unix seconds; 0 when none was accepted yet. */
  publishTime: bigint;
  /** A price held back by the deviation guard, awaiting a confirming later update (liquidations, ADL). */
  pending: { price: bigint; publishTime: bigint } | null;
}

export type GetLastAcceptedPriceErrorType = MulticallErrorType;

/**
 * The last price the oracle accepted for a feed, and the price its deviation guard holds back, if any.
 *
 * @example
 * const { price, pending } = await getLastAcceptedPrice(publicClient, { exchange, feedId: PYTH_FEED_IDS["ETH/USD"] });
 */
export async function getLastAcceptedPrice(
  client: Client<Transport, Chain | undefined>,
  parameters: GetLastAcceptedPriceParameters,
): Promise<GetLastAcceptedPriceReturnType> {
  const { blockNumber } = parameters;
  const oracle =
    parameters.oracle ??
    (await readOne<Address>(
      client,
      { address: parameters.exchange, abi: exchangeAbi, functionName: "oracle" },
      { blockNumber },
    ));
  const [accepted, pending] = (await readMany(
    client,
    [
      { address: oracle, abi: pythOracleAbi, functionName: "lastAcceptedPrice", args: [parameters.feedId] },
      { address: oracle, abi: pythOracleAbi, functionName: "pendingDeviation", args: [parameters.feedId] },
    ],
    { blockNumber },
  )) as [{ price: bigint; publishTime: bigint }, { price: bigint; publishTime: bigint }];
  return {
    price: accepted.price,
    publishTime: accepted.publishTime,
    pending: pending.publishTime === 0n ? null : { price: pending.price, publishTime: pending.publishTime },
  };
}
