import { exchangeAbi, pythOracleAbi } from "@bastion/contracts";
import type { Address, Client } from "viem";
import { multicall, readContract } from "viem/actions";
import type { FeedConfig, MarketState, OracleSettings } from "../mirror/types.js";
import { type MulticallOptions, multicallSettings } from "./multicall.js";

/** The exchange's price oracle adapter (`exchange.oracle()`). */
export async function readOracleAddress(client: Client, parameters: { exchange: Address }): Promise<Address> {
  return readContract(client, { address: parameters.exchange, abi: exchangeAbi, functionName: "oracle" });
}

/** The oracle's settings (confidence multiplier k, max confidence, future skew, deviation bound). */
export async function readOracleSettings(
  client: Client,
  parameters: { oracle: Address; blockNumber?: bigint },
): Promise<OracleSettings> {
  return readContract(client, {
    address: parameters.oracle,
    abi: pythOracleAbi,
    functionName: "settings",
    ...(parameters.blockNumber === undefined ? {} : { blockNumber: parameters.blockNumber }),
  });
}

/** The Pyth feeds of a market's three tokens. */
export interface MarketFeeds {
  index: FeedConfig;
  long: FeedConfig;
  short: FeedConfig;
}

/** Parameters of {@link readMarketFeeds}. */
export interface ReadMarketFeedsParameters extends MulticallOptions {
  oracle: Address;
  /** The market's tokens (a {@link MarketState} works). */
  market: Pick<MarketState, "indexToken" | "longToken" | "shortToken">;
  blockNumber?: bigint;
}

/**
 * The oracle's feed configuration (feed id, expected exponent, token decimals) of a market's index,
 * long and short tokens, in one multicall.
 *
 * @example
 * const feeds = await readMarketFeeds(client, { oracle, market: snapshot.state });
 */
export async function readMarketFeeds(
  client: Client,
  parameters: ReadMarketFeedsParameters,
): Promise<MarketFeeds> {
  const tokens = [parameters.market.indexToken, parameters.market.longToken, parameters.market.shortToken];
  const [index, long, short] = await multicall(client, {
    ...multicallSettings(client, parameters),
    allowFailure: false,
    ...(parameters.blockNumber === undefined ? {} : { blockNumber: parameters.blockNumber }),
    contracts: tokens.map(
      (token) =>
        ({
          address: parameters.oracle,
          abi: pythOracleAbi,
          functionName: "feedConfig",
          args: [token],
        }) as const,
    ),
  });
  if (index === undefined || long === undefined || short === undefined)
    throw new Error("readMarketFeeds: missing result");
  return { index, long, short };
}
