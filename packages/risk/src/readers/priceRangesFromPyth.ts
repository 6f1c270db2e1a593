import type { Hex } from "viem";
import { MirrorRevert } from "../mirror/errors.js";
import { add } from "../mirror/evm.js";
import { priceMultiplier, toPriceRange } from "../mirror/libraries/OracleMath.js";
import type { FeedConfig, MarketPrices, OracleSettings, PriceRange } from "../mirror/types.js";
import type { MarketFeeds } from "./readOracle.js";

/**
 * A parsed Pyth price as Hermes returns it (`PriceUpdate.parsed[i]` of `@pythnetwork/hermes-client`),
 * or as decoded from an update: the feed id (with or without 0x), the integer mantissa and confidence
 * (decimal strings or bigints), the exponent and the publish time (Unix seconds).
 */
export interface ParsedPythPrice {
  id: string;
  price: {
    price: string | bigint;
    conf: string | bigint;
    expo: number;
    publish_time: number | bigint;
  };
}

/** Options of {@link priceRangesFromPyth}: the publish-time checks the chain applies. */
export interface PriceRangesFromPythOptions {
  /**
   * The block timestamp of the execution: the oracle caps the publish window at
   * `timestamp + maxFutureSkew`, so a later price is not found (and would throw `FuturePrice`).
   */
  timestamp?: bigint;
  /**
   * The window the exchange asks Pyth for (`parsePriceFeedUpdates`): for a market request
   * [createdAt, createdAt + requestExpiry], for liquidations [timestamp - maxPriceAge, ...]. The first
   * price of a feed inside it is used.
   */
  minPublishTime?: bigint;
  maxPublishTime?: bigint;
}

/**
 * The exact {@link MarketPrices} the contract derives from a Pyth update: for each of the market's
 * index, long and short tokens, the first parsed price of its feed (inside the publish window when
 * given), checked and converted with `OracleMath.toPriceRange` (price -/+ k x confidence, the spread
 * rounded up, times 10^(30 + expo - decimals)). Throws the contract's errors: the oracle's
 * `InvalidPublishWindow`, Pyth's `PriceFeedNotFoundWithinRange` (also for a price published after
 * `timestamp + maxFutureSkew`, where the oracle caps the window), `NonPositivePrice`,
 * `UnexpectedExponent`, `ConfidenceTooWide`.
 *
 * @example
 * const update = await hermes.getLatestPriceUpdates([feeds.index.feedId, feeds.short.feedId]);
 * const prices = priceRangesFromPyth(update.parsed ?? [], feeds, oracleSettings, { timestamp });
 * // prices is what verifyMarketPrices returns for `update.binary` (same checks, same rounding)
 */
export function priceRangesFromPyth(
  parsedPrices: readonly ParsedPythPrice[],
  feeds: MarketFeeds,
  settings: OracleSettings,
  options: PriceRangesFromPythOptions = {},
): MarketPrices {
  if (
    options.minPublishTime !== undefined &&
    options.maxPublishTime !== undefined &&
    options.minPublishTime > options.maxPublishTime
  ) {
    throw new MirrorRevert("InvalidPublishWindow", {
      minPublishTime: options.minPublishTime,
      maxPublishTime: options.maxPublishTime,
    });
  }
  // The oracle never asks Pyth for a price published after now + maxFutureSkew.
  const latest = options.timestamp === undefined ? undefined : add(options.timestamp, settings.maxFutureSkew);
  const window = {
    minPublishTime: options.minPublishTime,
    maxPublishTime:
      latest === undefined || (options.maxPublishTime !== undefined && options.maxPublishTime < latest)
        ? options.maxPublishTime
        : latest,
  };
  // Pyth resolves every distinct feed first (and reverts when one is missing), then the oracle
  // checks each token in order (the long token's range is the index token's when they are the same).
  const index = findPrice(parsedPrices, feeds.index.feedId, window);
  const long = findPrice(parsedPrices, feeds.long.feedId, window);
  const short = findPrice(parsedPrices, feeds.short.feedId, window);
  return {
    index: priceRange(index, feeds.index, settings, options),
    long: priceRange(long, feeds.long, settings, options),
    short: priceRange(short, feeds.short, settings, options),
  };
}

function normalizeId(id: string): string {
  return (id.startsWith("0x") || id.startsWith("0X") ? id.slice(2) : id).toLowerCase();
}

function findPrice(
  parsedPrices: readonly ParsedPythPrice[],
  feedId: Hex,
  options: { minPublishTime: bigint | undefined; maxPublishTime: bigint | undefined },
): ParsedPythPrice {
  const wanted = normalizeId(feedId);
  for (const parsed of parsedPrices) {
    if (normalizeId(parsed.id) !== wanted) continue;
    const publishTime = BigInt(parsed.price.publish_time);
    if (options.minPublishTime !== undefined && publishTime < options.minPublishTime) continue;
    if (options.maxPublishTime !== undefined && publishTime > options.maxPublishTime) continue;
    return parsed;
  }
  throw new MirrorRevert("PriceFeedNotFoundWithinRange", {});
}

function priceRange(
  parsed: ParsedPythPrice,
  feed: FeedConfig,
  settings: OracleSettings,
  options: PriceRangesFromPythOptions,
): PriceRange {
  const publishTime = BigInt(parsed.price.publish_time);
  if (options.timestamp !== undefined) {
    const maxPublishTime = add(options.timestamp, settings.maxFutureSkew);
    if (publishTime > maxPublishTime) {
      throw new MirrorRevert("FuturePrice", { feedId: feed.feedId, publishTime, maxPublishTime });
    }
  }
  return toPriceRange(
    feed.feedId,
    BigInt(parsed.price.price),
    BigInt(parsed.price.conf),
    parsed.price.expo,
    feed.expo,
    priceMultiplier(feed.expo, feed.tokenDecimals),
    settings.confidenceMultiplier,
    settings.maxConfidenceFactor,
  );
}
