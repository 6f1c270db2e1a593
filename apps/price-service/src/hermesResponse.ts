import { encodeMockPythUpdate } from "@bastion/devchain";
import type { PublishedPrice } from "./feedPublisher.js";

/** `binary.encoding` of a Hermes price update. */
export type BinaryEncoding = "hex" | "base64";

/** `price` / `ema_price` of a Hermes parsed update: integers as decimal strings. */
export interface HermesRpcPrice {
  price: string;
  conf: string;
  expo: number;
  publish_time: number;
}

/** One element of `parsed` in a Hermes v2 price update. */
export interface HermesParsedPriceUpdate {
  /** Feed id, 64 hex digits without `0x`. */
  id: string;
  price: HermesRpcPrice;
  ema_price: HermesRpcPrice;
  metadata: { slot: number; proof_available_time: number; prev_publish_time: number };
}

/**
 * The body of Hermes' `/v2/updates/price/*` endpoints. Unlike real Hermes (one accumulator blob for
 * all feeds), `binary.data` holds one MockPyth update per feed, in the order of `parsed`: both are
 * passed as the `bytes[]` update data (hex without `0x`, as Hermes encodes it).
 */
export interface HermesPriceUpdate {
  binary: { encoding: BinaryEncoding; data: string[] };
  parsed?: HermesParsedPriceUpdate[];
}

/**
 * Builds a Hermes v2 price update body from published prices.
 *
 * @example
 * toHermesPriceUpdate([published], { encoding: "hex", parsed: true }).binary.data[0]; // "ff6149...", no 0x
 */
export function toHermesPriceUpdate(
  prices: readonly PublishedPrice[],
  options: { encoding: BinaryEncoding; parsed: boolean },
): HermesPriceUpdate {
  const data = prices.map((published) => {
    const hex = encodeMockPythUpdate(published).slice(2);
    return options.encoding === "hex" ? hex : Buffer.from(hex, "hex").toString("base64");
  });
  const update: HermesPriceUpdate = { binary: { encoding: options.encoding, data } };
  if (options.parsed) update.parsed = prices.map(toParsedPriceUpdate);
  return update;
}

function toParsedPriceUpdate(published: PublishedPrice): HermesParsedPriceUpdate {
  const rpcPrice = (price: bigint, conf: bigint): HermesRpcPrice => ({
    price: price.toString(),
    conf: conf.toString(),
    expo: published.expo,
    publish_time: published.publishTime,
  });
  return {
    id: published.feedId.slice(2),
    price: rpcPrice(published.price, published.conf),
    ema_price: rpcPrice(published.emaPrice, published.emaConf),
    metadata: {
      slot: published.publishTime,
      proof_available_time: published.publishTime,
      prev_publish_time: published.prevPublishTime,
    },
  };
}
