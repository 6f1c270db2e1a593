import { exchangeAbi, pythOracleAbi } from "@bastion/contracts";
import type { Address, Chain, Client, Hex, MulticallErrorType, Transport } from "viem";
import { InvalidParameterError, type UnknownMarketError } from "../../errors/errors.js";
import { readMany, readOne, snapshotBlock } from "../../internal/read.js";
import type {
  FeedConfig,
  MarketPrices,
  MarketState,
  OracleSettings,
  PriceRange,
  PythPrice,
} from "../../types.js";
import { pythPriceToRange } from "../../utils/priceRange.js";

export interface GetMarketPricesParameters {
  exchange: Address;
  market: Address;
  /**
   * Pyth prices (e.g. `fetchPriceUpdate(...).prices`), turned into ranges exactly as the oracle
   * does (price -/+ k x confidence). When omitted, the oracle's last accepted mid prices are used
   * (min = max), which is what the chain last verified, possibly some time ago.
   */
  prices?: readonly PythPrice[] | undefined;
  blockNumber?: bigint | undefined;
}

export type GetMarketPricesReturnType = MarketPrices;

export type GetMarketPricesErrorType = InvalidParameterError | UnknownMarketError | MulticallErrorType;

/**
 * The price ranges (index, long, short token) the views `getPoolValue`, `getSharePrice`,
 * `getSolvency` and `getPositionHealth` take, in the contracts' units (USD with 30 decimals per
 * smallest token unit), from Pyth prices or from the oracle's last accepted prices.
 *
 * @example
 * const { prices } = await fetchPriceUpdate({ client: hermes, feedIds: [PYTH_FEED_IDS["ETH/USD"], PYTH_FEED_IDS["USDC/USD"]] });
 * const marketPrices = await getMarketPrices(publicClient, { exchange, market: deployment.ethUsdMarket, prices });
 */
export async function getMarketPrices(
  client: Client<Transport, Chain | undefined>,
  parameters: GetMarketPricesParameters,
): Promise<GetMarketPricesReturnType> {
  const { exchange, market } = parameters;
  const blockNumber = await snapshotBlock(client, parameters.blockNumber);
  const [oracle, state] = (await readMany(
    client,
    [
      { address: exchange, abi: exchangeAbi, functionName: "oracle" },
      { address: exchange, abi: exchangeAbi, functionName: "getMarket", args: [market] },
    ],
    { blockNumber },
  )) as [Address, MarketState];
  const tokens = [state.indexToken, state.longToken, state.shortToken] as const;
  const [settings, ...feeds] = (await readMany(
    client,
    [
      { address: oracle, abi: pythOracleAbi, functionName: "settings" },
      ...tokens.map((token) => ({
        address: oracle,
        abi: pythOracleAbi,
        functionName: "feedConfig",
        args: [token],
      })),
    ],
    { blockNumber },
  )) as [OracleSettings, ...FeedConfig[]];

  const ranges: PriceRange[] = [];
  for (const [i, token] of tokens.entries()) {
    const feed = feeds[i] as FeedConfig;
    if (parameters.prices === undefined) {
      const accepted = await readOne<{ price: bigint; publishTime: bigint }>(
        client,
        { address: oracle, abi: pythOracleAbi, functionName: "lastAcceptedPrice", args: [feed.feedId] },
        { blockNumber },
      );
      if (accepted.publishTime === 0n) {
        throw new InvalidParameterError(
          "prices",
          `the oracle has accepted no price for feed ${feed.feedId} (token ${token}) yet; pass prices from fetchPriceUpdate`,
        );
      }
      ranges.push({ min: accepted.price, max: accepted.price });
      continue;
    }
    const price = parameters.prices.find((p) => sameFeed(p.feedId, feed.feedId));
    if (price === undefined) {
      throw new InvalidParameterError("prices", `no price for feed ${feed.feedId} (token ${token})`);
    }
    if (price.expo !== feed.expo) {
      throw new InvalidParameterError(
        "prices",
        `feed ${feed.feedId} has exponent ${price.expo}, the oracle expects ${feed.expo}`,
      );
    }
    ranges.push(
      pythPriceToRange({
        price: price.price,
        conf: price.conf,
        expo: price.expo,
        tokenDecimals: feed.tokenDecimals,
        confidenceMultiplier: settings.confidenceMultiplier,
        maxConfidenceFactor: settings.maxConfidenceFactor,
      }),
    );
  }
  const [index, long, short] = ranges as [PriceRange, PriceRange, PriceRange];
  return { index, long, short };
}

function sameFeed(a: Hex | string, b: Hex | string): boolean {
  return a.toLowerCase().replace(/^0x/, "") === b.toLowerCase().replace(/^0x/, "");
}
