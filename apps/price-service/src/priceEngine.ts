import type { PriceServiceConfig, ResolvedFeed } from "./config.js";
import { FeedPublisher, type PublishedPrice } from "./feedPublisher.js";
import { type FeedDescriptor, resolveFeed } from "./feeds.js";
import { formatPythPrice, parseUsdDecimal } from "./fixedPoint.js";
import { PriceBook } from "./priceBook.js";
import { constantSource } from "./sources/constantSource.js";
import type { PriceSource } from "./sources/priceSource.js";
import { randomWalkSource } from "./sources/randomWalkSource.js";
import { replaySource } from "./sources/replaySource.js";

/**
 * A price for {@link PriceEngine.setPrice}: a `bigint` is the Pyth integer at expo -8
 * (`185025000000n` is 1850.25 USD); a `string` or `number` is a decimal USD amount (`"1850.25"`).
 */
export type PriceInput = bigint | string | number;

/** Thrown for a feed that the service does not serve or a price it cannot read. */
export class PriceInputError extends Error {
  override name = "PriceInputError";
}

/** The publishing core of the price service, without HTTP: sources, overrides and history. */
export interface PriceEngine {
  readonly book: PriceBook;
  readonly feeds: readonly FeedDescriptor[];
  /** The first published second. */
  readonly startSecond: number;
  /** Publishes every second up to the clock's current one; returns the latest published second. */
  catchUp(): number;
  /** The feed served under a symbol or id; throws {@link PriceInputError} when not served. */
  servedFeed(symbolOrId: string): FeedDescriptor;
  /**
   * Holds a feed at a manual price until cleared; resolves with the first update that carries it
   * (published at the next second of the clock).
   */
  setPrice(feed: string, price: PriceInput, options?: { conf?: PriceInput }): Promise<PublishedPrice>;
  /** Returns a feed to its source; resolves once an update from the source has been published. */
  clearPrice(feed: string): Promise<void>;
  /** The active manual prices. */
  overrides(): Array<{ id: string; symbol: string; price: string; conf: string | undefined }>;
  /** Per-feed facts for `/healthz`. */
  describe(): Array<Record<string, unknown>>;
}

/**
 * Builds the sources and publishers of every configured feed and publishes the current second.
 *
 * @example
 * const engine = createPriceEngine(resolvePriceServiceConfig({ speed: 60 }));
 * engine.catchUp();
 */
export function createPriceEngine(config: PriceServiceConfig): PriceEngine {
  const startSecond = Math.floor(config.clock.now() / 1000);
  const publishers = config.feeds.map(
    (resolved) =>
      new FeedPublisher({
        feed: resolved.feed,
        source: createSource(resolved, config, startSecond),
        confBps: config.confBps,
        confVolatilityFactor: config.confVolatilityFactor,
        speed: config.speed,
        historySeconds: config.historySeconds,
      }),
  );
  const book = new PriceBook(publishers);
  const catchUp = () => {
    book.publishUpTo(Math.floor(config.clock.now() / 1000));
    return book.latestSecond ?? startSecond;
  };
  catchUp();

  const publisherOf = (symbolOrId: string): FeedPublisher => {
    let feed: FeedDescriptor;
    try {
      feed = resolveFeed(symbolOrId);
    } catch (error) {
      throw new PriceInputError((error as Error).message);
    }
    const publisher = book.get(feed.id);
    if (publisher === undefined) {
      throw new PriceInputError(`feed ${feed.symbol} (${feed.id}) is not served by this price service`);
    }
    return publisher;
  };

  return {
    book,
    feeds: publishers.map((publisher) => publisher.feed),
    startSecond,
    catchUp,
    servedFeed: (symbolOrId) => publisherOf(symbolOrId).feed,
    async setPrice(feed, price, options = {}) {
      const publisher = publisherOf(feed);
      const override = { price: toPythInteger(price, "price") };
      const conf = options.conf === undefined ? undefined : toPythInteger(options.conf, "conf");
      if (conf !== undefined && conf < 0n) throw new PriceInputError(`conf ${conf} must not be negative`);
      publisher.override = conf === undefined ? override : { ...override, conf };
      config.logger.info("manual price set", {
        feed: publisher.feed.symbol,
        price: formatPythPrice(override.price),
      });
      const second = await book.nextSecondAfter(catchUp());
      return publisher.firstAtOrAfter(second) as PublishedPrice;
    },
    async clearPrice(feed) {
      const publisher = publisherOf(feed);
      if (publisher.override === undefined) return;
      publisher.override = undefined;
      config.logger.info("manual price cleared", { feed: publisher.feed.symbol });
      await book.nextSecondAfter(catchUp());
    },
    overrides: () =>
      publishers.flatMap((publisher) =>
        publisher.override === undefined
          ? []
          : [
              {
                id: publisher.feed.id.slice(2),
                symbol: publisher.feed.symbol,
                price: formatPythPrice(publisher.override.price),
                conf:
                  publisher.override.conf === undefined
                    ? undefined
                    : formatPythPrice(publisher.override.conf),
              },
            ],
      ),
    describe: () => {
      const second = book.latestSecond ?? startSecond;
      return publishers.map((publisher) => {
        const latest = publisher.latest();
        return {
          id: publisher.feed.id.slice(2),
          symbol: publisher.feed.symbol,
          source: publisher.source.kind,
          ...publisher.source.describe(second),
          overridden: publisher.override !== undefined,
          price: latest === undefined ? undefined : formatPythPrice(latest.price),
          publishTime: latest?.publishTime,
        };
      });
    },
  };
}

function createSource(resolved: ResolvedFeed, config: PriceServiceConfig, startSecond: number): PriceSource {
  const { feed, replay } = resolved;
  if (replay !== undefined) {
    return replaySource({
      klines: replay.klines,
      speed: config.speed,
      loop: config.loop,
      startSecond,
      onEnd: () =>
        config.logger.warn("replay ended: holding the last close (pass --loop to restart it)", {
          feed: feed.symbol,
          file: replay.file,
        }),
    });
  }
  if (feed.constantPriceUsd !== undefined) return constantSource(resolved.startPriceUsd);
  return randomWalkSource({
    ...config.randomWalk,
    seed: config.seed,
    stream: feed.id,
    startPriceUsd: resolved.startPriceUsd,
    speed: config.speed,
    startSecond,
  });
}

function toPythInteger(input: PriceInput, name: string): bigint {
  if (typeof input === "bigint") {
    if (input < -(2n ** 63n) || input >= 2n ** 63n)
      throw new PriceInputError(`${name} ${input} is not an int64`);
    return input;
  }
  try {
    return parseUsdDecimal(String(input));
  } catch (error) {
    throw new PriceInputError(`${name}: ${(error as Error).message}`);
  }
}
