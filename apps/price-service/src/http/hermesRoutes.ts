import type { FeedPublisher, PublishedPrice } from "../feedPublisher.js";
import { type HermesPriceUpdate, toHermesPriceUpdate } from "../hermesResponse.js";
import type { PriceEngine } from "../priceEngine.js";
import { type HermesQuery, parseHermesQuery } from "./hermesQuery.js";
import { HttpError } from "./respond.js";

/** `GET /v2/updates/price/latest`: the newest update of each requested feed. */
export function latestPriceUpdates(engine: PriceEngine, url: URL): HermesPriceUpdate {
  const query = parseHermesQuery(url);
  engine.catchUp();
  const updates = servedPublishers(engine, query).map((publisher) => publisher.latest() as PublishedPrice);
  return toHermesPriceUpdate(updates, query);
}

/**
 * `GET /v2/updates/price/{publish_time}`: for each requested feed, the first update published at or
 * after `publishTime` (Hermes' semantics); 404 "Update data not found" for a time in the future.
 */
export function priceUpdatesAt(engine: PriceEngine, url: URL, publishTime: number): HermesPriceUpdate {
  const query = parseHermesQuery(url);
  const latestSecond = engine.catchUp();
  if (publishTime > latestSecond) throw new HttpError(404, "Update data not found");
  const updates = servedPublishers(engine, query).map(
    (publisher) => publisher.firstAtOrAfter(publishTime) as PublishedPrice,
  );
  return toHermesPriceUpdate(updates, query);
}

/** The publishers of the requested feeds; 404 "Price ids not found: ..." unless told to ignore unknown ids. */
export function servedPublishers(engine: PriceEngine, query: HermesQuery): FeedPublisher[] {
  const missing = query.ids.filter((id) => engine.book.get(id) === undefined);
  if (missing.length > 0 && !query.ignoreInvalidPriceIds) {
    throw new HttpError(404, `Price ids not found: ${missing.map((id) => id.slice(2)).join(", ")}`);
  }
  return query.ids.flatMap((id) => engine.book.get(id) ?? []);
}

/** One element of `GET /v2/price_feeds`. */
export interface PriceFeedMetadata {
  id: string;
  attributes: Record<string, string>;
}

/** `GET /v2/price_feeds?query=&asset_type=`: the served feeds, filtered as Hermes filters. */
export function priceFeedsMetadata(engine: PriceEngine, url: URL): PriceFeedMetadata[] {
  const text = url.searchParams.get("query")?.toLowerCase();
  const assetType = url.searchParams.get("asset_type")?.toLowerCase();
  return engine.feeds
    .map((feed) => ({
      id: feed.id.slice(2),
      attributes: {
        asset_type: "Crypto",
        base: feed.base,
        description: `${feed.base} / US DOLLAR`,
        display_symbol: `${feed.base}/USD`,
        generic_symbol: `${feed.base}USD`,
        quote_currency: "USD",
        schedule: "America/New_York;O,O,O,O,O,O,O;",
        symbol: feed.pythSymbol,
      },
    }))
    .filter(
      (metadata) =>
        (text === undefined || metadata.attributes.symbol.toLowerCase().includes(text)) &&
        (assetType === undefined || metadata.attributes.asset_type.toLowerCase() === assetType),
    );
}
