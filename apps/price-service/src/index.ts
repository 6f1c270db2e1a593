export { aggregateCandles, type Candle } from "./candles.js";
export { type Clock, ManualClock, systemClock } from "./clock.js";
export {
  type PriceServiceConfig,
  PriceServiceConfigError,
  type PriceServiceOptions,
  type ReplaySpec,
  resolvePriceServiceConfig,
} from "./config.js";
export type { PriceOverride, PublishedPrice } from "./feedPublisher.js";
export { type FeedDescriptor, KNOWN_FEEDS, normalizeFeedId, resolveFeed, UnknownFeedError } from "./feeds.js";
export { formatPythPrice, PYTH_EXPO, parseUsdDecimal, pythPriceToUsd, usdToPythPrice } from "./fixedPoint.js";
export {
  type BinaryEncoding,
  type HermesParsedPriceUpdate,
  type HermesPriceUpdate,
  type HermesRpcPrice,
  toHermesPriceUpdate,
} from "./hermesResponse.js";
export { createJsonLogger, type Logger, type LogLevel, silentLogger } from "./logger.js";
export { type PriceEngine, type PriceInput, PriceInputError } from "./priceEngine.js";
export type { RandomWalkParameters } from "./sources/randomWalkSource.js";
export { type PriceService, startPriceService } from "./startPriceService.js";
