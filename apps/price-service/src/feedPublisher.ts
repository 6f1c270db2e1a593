import type { Hex } from "viem";
import type { FeedDescriptor } from "./feeds.js";
import { PYTH_EXPO, usdToPythPrice } from "./fixedPoint.js";
import type { PriceSource } from "./sources/priceSource.js";

/** One published price update of one feed (integers at `expo`, like Pyth's `PythStructs.Price`). */
export interface PublishedPrice {
  feedId: Hex;
  /** Unix seconds: the wall-clock second it was published for. */
  publishTime: number;
  /** The feed's previous publish time (the second before; `publishTime - 1` for the first). */
  prevPublishTime: number;
  price: bigint;
  conf: bigint;
  expo: number;
  emaPrice: bigint;
  emaConf: bigint;
  /** What produced the price: the feed's source, or a manual override. */
  source: PriceSource["kind"] | "override";
}

/** A manual price that replaces a feed's source until cleared (integers at {@link PYTH_EXPO}). */
export interface PriceOverride {
  price: bigint;
  /** Default: the feed's base confidence width applied to `price`. */
  conf?: bigint;
}

export interface FeedPublisherOptions {
  feed: FeedDescriptor;
  source: PriceSource;
  /** Base confidence half-width, in basis points of the price. */
  confBps: number;
  /** Extra confidence per unit of the last one-second move (volatility widening); 0 disables it. */
  confVolatilityFactor: number;
  /** Market seconds per wall second (for the EMA's one-hour window). */
  speed: number;
  /** How many seconds of published prices to keep. */
  historySeconds: number;
}

/** The EMA window, in market seconds: Pyth's EMA spans about one hour. */
const EMA_WINDOW_SECONDS = 3600;
const BPS_SCALE = 10_000n * 10_000n; // confBps is applied with 4 decimals of a basis point

/**
 * Publishes one feed: asks its source (or the manual override) for each second's price, adds the
 * confidence (a basis-point width, widened by the last one-second move) and the EMA, and keeps the
 * history that `/v2/updates/price/{publish_time}` and the candles read.
 */
export class FeedPublisher {
  readonly feed: FeedDescriptor;
  override: PriceOverride | undefined;
  private readonly history: PublishedPrice[] = [];
  private lastSourceUsd: number | undefined;
  private lastSourcePrice: bigint | undefined;
  private ema: { price: number; conf: number } | undefined;
  private readonly emaWeight: number;
  private readonly confBpsScaled: bigint;

  constructor(private readonly options: FeedPublisherOptions) {
    this.feed = options.feed;
    this.emaWeight = 1 - Math.exp(-options.speed / EMA_WINDOW_SECONDS);
    this.confBpsScaled = BigInt(Math.round((options.feed.confBps ?? options.confBps) * 10_000));
  }

  get source(): PriceSource {
    return this.options.source;
  }

  /** Publishes `second` (the next second after the latest one) and returns the update. */
  publish(second: number): PublishedPrice {
    const previous = this.latest();
    const sourceUsd = this.options.source.priceAt(second, this.lastSourceUsd);
    const sourcePrice = usdToPythPrice(sourceUsd);
    const move = this.lastSourcePrice === undefined ? 0n : absolute(sourcePrice - this.lastSourcePrice);
    this.lastSourceUsd = sourceUsd;
    this.lastSourcePrice = sourcePrice;

    const override = this.override;
    const price = override?.price ?? sourcePrice;
    const conf =
      override === undefined
        ? this.baseConf(price) + BigInt(Math.round(this.options.confVolatilityFactor * Number(move)))
        : (override.conf ?? this.baseConf(price));
    this.ema =
      this.ema === undefined
        ? { price: Number(price), conf: Number(conf) }
        : {
            price: this.ema.price + this.emaWeight * (Number(price) - this.ema.price),
            conf: this.ema.conf + this.emaWeight * (Number(conf) - this.ema.conf),
          };
    const published: PublishedPrice = {
      feedId: this.feed.id,
      publishTime: second,
      prevPublishTime: previous?.publishTime ?? second - 1,
      price,
      conf,
      expo: PYTH_EXPO,
      emaPrice: BigInt(Math.round(this.ema.price)),
      emaConf: BigInt(Math.round(this.ema.conf)),
      source: override === undefined ? this.options.source.kind : "override",
    };
    this.history.push(published);
    if (this.history.length > this.options.historySeconds + 1024) {
      this.history.splice(0, this.history.length - this.options.historySeconds);
    }
    return published;
  }

  /** The newest update, if any. */
  latest(): PublishedPrice | undefined {
    return this.history[this.history.length - 1];
  }

  /**
   * The first update published at or after `second` (Hermes' semantics for a publish time), or
   * `undefined` when `second` is later than the newest update.
   */
  firstAtOrAfter(second: number): PublishedPrice | undefined {
    const first = this.history[0];
    if (first === undefined) return undefined;
    return this.history[Math.max(0, second - first.publishTime)];
  }

  /** Updates published in `[fromSecond, toSecond]`, oldest first. */
  between(fromSecond: number, toSecond: number): PublishedPrice[] {
    const first = this.history[0];
    if (first === undefined || toSecond < fromSecond) return [];
    const start = Math.max(0, fromSecond - first.publishTime);
    const end = Math.max(0, toSecond - first.publishTime + 1);
    return this.history.slice(start, end);
  }

  private baseConf(price: bigint): bigint {
    return (absolute(price) * this.confBpsScaled) / BPS_SCALE;
  }
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}
