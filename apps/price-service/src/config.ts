import type { Kline } from "@bastion/risk";
import { loadKlinesFile } from "@bastion/risk/node";
import type { Hex } from "viem";
import { z } from "zod";
import { type Clock, systemClock } from "./clock.js";
import { type FeedDescriptor, KNOWN_FEEDS, resolveFeed } from "./feeds.js";
import { createJsonLogger, type Logger } from "./logger.js";
import type { RandomWalkParameters } from "./sources/randomWalkSource.js";

/** Replay a kline CSV file, or bars already in memory, for a feed (symbol or feed id). */
export type ReplaySpec = { feed: string; file: string } | { feed: string; klines: readonly Kline[] };

/** Options of `startPriceService` (all optional). */
export interface PriceServiceOptions {
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Feeds to serve (symbols or ids). Default: ETH, BTC and USDC, plus every replayed feed. */
  feeds?: readonly string[];
  /** Kline replays; feeds without one follow the seeded random walk (USDC: a constant 1.00). */
  replay?: readonly ReplaySpec[];
  /** Market seconds per wall second, for replays and the random walk. Default 1. */
  speed?: number;
  /** Restart replays from their first bar when they end. Default false (hold the last close). */
  loop?: boolean;
  /** Random-walk seed: the same seed gives the same path. Default 1. */
  seed?: number;
  /** When set, every request except `/healthz` needs it (`x-api-key`, `Authorization: Bearer`, or `ACCESS_TOKEN=`). */
  apiKey?: string;
  /** Base confidence half-width in basis points of the price. Default 3.3 (Pyth BTC/USD's median). */
  confBps?: number;
  /** Confidence added per unit of the last one-second price move (volatility widening). Default 0.25. */
  confVolatilityFactor?: number;
  /** Random-walk parameters. */
  randomWalk?: RandomWalkParameters;
  /** Random-walk start prices in USD by feed (symbol or id), e.g. `{ ETH: 2500 }`. */
  startPrices?: Readonly<Record<string, number>>;
  /** Seconds of published prices kept for at-timestamp requests and candles. Default 6 hours. */
  historySeconds?: number;
  /** The time source. Default the wall clock; tests can pass a `ManualClock`. */
  clock?: Clock;
  /** Structured logger. Default JSON lines on stdout at `info`; pass `silentLogger` to mute. */
  logger?: Logger;
}

/** One served feed and where its prices come from. */
export interface ResolvedFeed {
  feed: FeedDescriptor;
  startPriceUsd: number;
  replay?: { klines: readonly Kline[]; file?: string };
}

/** Validated configuration. */
export interface PriceServiceConfig {
  port: number;
  host: string;
  speed: number;
  loop: boolean;
  seed: number;
  apiKey: string | undefined;
  confBps: number;
  confVolatilityFactor: number;
  randomWalk: RandomWalkParameters;
  historySeconds: number;
  feeds: ResolvedFeed[];
  clock: Clock;
  logger: Logger;
}

/** Thrown by `startPriceService` when the configuration is invalid; lists every problem. */
export class PriceServiceConfigError extends Error {
  override name = "PriceServiceConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`invalid price service configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

const klineSchema = z.object({
  openTimeMs: z.number(),
  open: z.number().positive(),
  high: z.number().positive(),
  low: z.number().positive(),
  close: z.number().positive(),
  volume: z.number(),
});

/** The settings: everything except where prices come from. */
const settingsSchema = z.strictObject({
  port: z
    .number({ error: "must be a port number" })
    .int({ error: "must be an integer port" })
    .min(0, { error: "must be between 0 and 65535" })
    .max(65_535, { error: "must be between 0 and 65535" })
    .default(8787),
  host: z.string().min(1, { error: "must not be empty" }).default("127.0.0.1"),
  speed: z
    .number({ error: "must be a number > 0 (60 = one minute of market time per second)" })
    .positive({ error: "must be a number > 0 (60 = one minute of market time per second)" })
    .max(1_000_000, { error: "must be at most 1000000" })
    .default(1),
  loop: z.boolean().default(false),
  seed: z.number({ error: "must be an integer" }).int({ error: "must be an integer" }).default(1),
  apiKey: z.string().min(1, { error: "must not be empty (omit it to serve without a key)" }).optional(),
  confBps: z
    .number({ error: "must be a number of basis points" })
    .min(0, { error: "must be >= 0" })
    .max(10_000, { error: "must be at most 10000 (100 %)" })
    .default(3.3),
  confVolatilityFactor: z.number().min(0).max(100).default(0.25),
  randomWalk: z
    .strictObject({
      annualVolatility: z.number().min(0).max(20).optional(),
      jumpsPerDay: z.number().min(0).max(86_400).optional(),
      jumpStdDev: z.number().min(0).max(2).optional(),
    })
    .default({}),
  historySeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(6 * 3600),
  clock: z.custom<Clock>((value) => typeof (value as Clock | undefined)?.now === "function", {
    error: "must have a now() method",
  }),
  logger: z.custom<Logger>((value) => typeof (value as Logger | undefined)?.info === "function", {
    error: "must be a logger",
  }),
});

/** Where prices come from: served feeds, replays and random-walk start prices. */
const sourcesSchema = z.object({
  feeds: z.array(z.string()).min(1, { error: "must name at least one feed" }).optional(),
  replay: z
    .array(
      z.union([
        z.strictObject({ feed: z.string(), file: z.string().min(1) }),
        z.strictObject({
          feed: z.string(),
          klines: z.array(klineSchema).min(1, { error: "needs at least one kline" }),
        }),
      ]),
    )
    .default([]),
  startPrices: z.record(z.string(), z.number().positive({ error: "must be a price > 0" })).default({}),
});

/**
 * Validates the options of `startPriceService` and loads the replay files. Throws a
 * {@link PriceServiceConfigError} listing every problem (unknown symbol, missing or malformed file,
 * bad speed, ...).
 *
 * @example
 * const config = resolvePriceServiceConfig({ replay: [{ feed: "ETH", file: "eth.csv" }], speed: 60 });
 */
export function resolvePriceServiceConfig(options: PriceServiceOptions = {}): PriceServiceConfig {
  const { feeds, replay, startPrices, ...settingOptions } = options;
  const settings = settingsSchema.safeParse({
    ...settingOptions,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? createJsonLogger("info"),
  });
  const sources = sourcesSchema.safeParse({ feeds, replay, startPrices });
  const problems: string[] = [settings, sources].flatMap((result) =>
    result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`),
  );
  if (!sources.success) throw new PriceServiceConfigError(problems);
  const values = sources.data;
  const resolve = (input: string, where: string): FeedDescriptor | undefined => {
    try {
      return resolveFeed(input);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      return undefined;
    }
  };

  const served = new Map<Hex, ResolvedFeed>();
  const serve = (feed: FeedDescriptor) => {
    if (!served.has(feed.id)) served.set(feed.id, { feed, startPriceUsd: feed.startPriceUsd });
    return served.get(feed.id) as ResolvedFeed;
  };
  const requested = values.feeds ?? KNOWN_FEEDS.map((feed) => feed.symbol);
  requested.forEach((input, index) => {
    const feed = resolve(input, `feeds[${index}]`);
    if (feed !== undefined) serve(feed);
  });

  values.replay.forEach((spec, index) => {
    const feed = resolve(spec.feed, `replay[${index}]`);
    if (feed === undefined) return;
    const target = serve(feed);
    if (target.replay !== undefined) {
      problems.push(`replay[${index}]: ${feed.symbol} is already replayed from another source`);
      return;
    }
    if ("klines" in spec) {
      target.replay = { klines: spec.klines };
      return;
    }
    try {
      target.replay = { klines: loadKlinesFile(spec.file), file: spec.file };
    } catch (error) {
      problems.push(`replay[${index}] (${feed.symbol}): ${(error as Error).message}`);
    }
  });

  for (const [input, priceUsd] of Object.entries(values.startPrices)) {
    const feed = resolve(input, `startPrices.${input}`);
    const target = feed === undefined ? undefined : served.get(feed.id);
    if (feed !== undefined && target === undefined) {
      problems.push(`startPrices.${input}: ${feed.symbol} is not a served feed`);
    }
    if (target !== undefined) target.startPriceUsd = priceUsd;
  }

  if (problems.length > 0 || !settings.success) throw new PriceServiceConfigError(problems);
  const config = settings.data;
  return {
    port: config.port,
    host: config.host,
    speed: config.speed,
    loop: config.loop,
    seed: config.seed,
    apiKey: config.apiKey,
    confBps: config.confBps,
    confVolatilityFactor: config.confVolatilityFactor,
    randomWalk: config.randomWalk,
    historySeconds: config.historySeconds,
    feeds: [...served.values()],
    clock: config.clock,
    logger: config.logger,
  };
}
