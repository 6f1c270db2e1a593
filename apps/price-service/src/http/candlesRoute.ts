import { aggregateCandles, type Candle } from "../candles.js";
import type { PriceEngine } from "../priceEngine.js";
import { HttpError } from "./respond.js";

const MAX_CANDLES = 5_000;

/** Body of `GET /v1/candles`. */
export interface CandlesResponse {
  id: string;
  symbol: string;
  resolution: number;
  candles: Candle[];
}

/**
 * `GET /v1/candles?id=<symbol or feed id>&resolution=<seconds>&from=<unix s>&to=<unix s>`: OHLC bars
 * of what the service published (USD numbers, for charts). `resolution` defaults to 60, `to` to the
 * latest second and `from` to 300 bars before `to`; at most 5000 bars.
 */
export function candles(engine: PriceEngine, url: URL): CandlesResponse {
  const feedParameter = url.searchParams.get("id") ?? url.searchParams.get("symbol");
  if (feedParameter === null) throw new HttpError(400, "id is required (a symbol like ETH or a feed id)");
  let feed: ReturnType<PriceEngine["servedFeed"]>;
  try {
    feed = engine.servedFeed(feedParameter);
  } catch (error) {
    throw new HttpError(404, (error as Error).message);
  }
  const resolution = readInteger(url, "resolution", 60);
  if (resolution < 1 || resolution > 86_400)
    throw new HttpError(400, "resolution must be 1 to 86400 seconds");
  const latest = engine.catchUp();
  const to = readInteger(url, "to", latest);
  const from = Math.max(readInteger(url, "from", to - 300 * resolution), to - MAX_CANDLES * resolution);
  const publisher = engine.book.get(feed.id);
  const history = publisher?.between(Math.floor(from / resolution) * resolution, to) ?? [];
  return {
    id: feed.id.slice(2),
    symbol: feed.symbol,
    resolution,
    candles: aggregateCandles(history, resolution),
  };
}

function readInteger(url: URL, name: string, fallback: number): number {
  const value = url.searchParams.get(name);
  if (value === null || value === "") return fallback;
  if (!/^-?\d+$/.test(value)) throw new HttpError(400, `${name} must be an integer, got "${value}"`);
  return Number(value);
}
