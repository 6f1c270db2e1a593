import { createServer, type Server, type ServerResponse } from "node:http";
import { PriceServiceConfigError, type PriceServiceOptions, resolvePriceServiceConfig } from "./config.js";
import type { PublishedPrice } from "./feedPublisher.js";
import type { FeedDescriptor } from "./feeds.js";
import { createRouter } from "./http/router.js";
import { createPriceEngine, type PriceEngine, type PriceInput } from "./priceEngine.js";

/** How often the service checks the clock for a new second to publish. */
const TICK_MS = 100;

/** A running price service. */
export interface PriceService {
  /** Base URL to give `HermesClient`, e.g. `http://127.0.0.1:8787`. */
  url: string;
  host: string;
  port: number;
  /** The served feeds, in publishing order. */
  feeds: readonly FeedDescriptor[];
  /** The publishing core (history, sources), for advanced uses and tests. */
  engine: PriceEngine;
  /**
   * Holds a feed (symbol or id) at a manual price until {@link PriceService.clearPrice}; resolves with
   * the first update carrying it. A `bigint` is the integer at expo -8, a string or number is USD.
   */
  setPrice(feed: string, price: PriceInput, options?: { conf?: PriceInput }): Promise<PublishedPrice>;
  /** Returns a feed to its source (replay or random walk). */
  clearPrice(feed: string): Promise<void>;
  /** The newest published update of a feed. */
  latest(feed: string): PublishedPrice;
  /** Closes the server and every open stream; resolves when closed. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the local Hermes-compatible price service: publishes one update per feed every second
 * (replay, seeded random walk, or manual price), and serves them over HTTP in the Hermes v2 format
 * with update data that the Pyth SDK's `MockPyth` accepts. Throws a `PriceServiceConfigError` for an
 * invalid configuration or a port already in use.
 *
 * @example
 * const service = await startPriceService({
 *   port: 0,
 *   replay: [{ feed: "ETH", file: "ETHUSDT-1m-2022-11-09.csv" }],
 *   speed: 60,
 * });
 * const hermes = new HermesClient(service.url);
 * const update = await hermes.getLatestPriceUpdates([ETH_USD_FEED_ID]);
 * // update.binary.data.map((data) => `0x${data}`) is the bytes[] for MockPyth
 * await service.stop();
 */
export async function startPriceService(options: PriceServiceOptions = {}): Promise<PriceService> {
  const config = resolvePriceServiceConfig(options);
  const engine = createPriceEngine(config);
  const streams = new Set<ServerResponse>();
  const server = createServer(
    createRouter({
      engine,
      apiKey: config.apiKey,
      logger: config.logger,
      streams,
      health: () => ({
        status: "ok",
        startTime: engine.startSecond,
        latestPublishTime: engine.catchUp(),
        speed: config.speed,
        loop: config.loop,
        apiKeyRequired: config.apiKey !== undefined,
        feeds: engine.describe(),
      }),
    }),
  );
  const port = await listen(server, config.port, config.host);
  const ticker = setInterval(() => {
    try {
      engine.catchUp();
    } catch (error) {
      config.logger.error("publishing failed", { error: (error as Error).message });
    }
  }, TICK_MS);
  const urlHost = ["0.0.0.0", "::"].includes(config.host)
    ? "127.0.0.1"
    : config.host.includes(":")
      ? `[${config.host}]`
      : config.host;
  const url = `http://${urlHost}:${port}`;
  config.logger.info("price service listening", {
    url,
    speed: config.speed,
    loop: config.loop,
    apiKeyRequired: config.apiKey !== undefined,
    feeds: config.feeds.map(({ feed, replay }) => ({
      symbol: feed.symbol,
      id: feed.id,
      source:
        replay !== undefined
          ? `replay ${replay.file ?? "(in memory)"}`
          : engine.book.get(feed.id)?.source.kind,
    })),
  });

  let stopping: Promise<void> | undefined;
  return {
    url,
    host: config.host,
    port,
    feeds: engine.feeds,
    engine,
    setPrice: (feed, price, setOptions) => engine.setPrice(feed, price, setOptions),
    clearPrice: (feed) => engine.clearPrice(feed),
    latest(feed) {
      engine.catchUp();
      return engine.book.get(engine.servedFeed(feed).id)?.latest() as PublishedPrice;
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        clearInterval(ticker);
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
        config.logger.info("price service stopped", { url });
      });
      return stopping;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      if (error.code === "EADDRINUSE") {
        reject(
          new PriceServiceConfigError([
            `port: ${port} on ${host} is already in use; choose another with --port (0 picks a free one)`,
          ]),
        );
      } else if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") {
        reject(new PriceServiceConfigError([`host: cannot listen on ${host} (${error.code})`]));
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}
