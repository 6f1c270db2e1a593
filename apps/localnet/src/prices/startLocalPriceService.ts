import {
  createJsonLogger,
  type Logger,
  type PriceService,
  type PriceServiceOptions,
  silentLogger,
  startPriceService,
} from "@bastion/price-service";

/** What the local exchange lets a user choose about prices. */
export interface LocalPriceSource {
  /** Kline CSVs to replay, e.g. `[{ feed: "ETH", file: "ETHUSDT-1m-2021-05-19.csv" }]`; other feeds walk. */
  replay?: readonly { feed: string; file: string }[];
  /** Market seconds per wall second for replays and the random walk. Default 1. */
  speed?: number;
  /** Random-walk seed. Default 1. */
  seed?: number;
}

/** The service's own log lines on stderr, prefixed, from `level` up; or nothing. */
export function priceServiceLogger(level: "silent" | "warn" | "info"): Logger {
  if (level === "silent") return silentLogger;
  return createJsonLogger(level, (line) => process.stderr.write(`[price-service] ${line}`));
}

/**
 * Starts the local Hermes-compatible price service in this process on `port` (0: a free one),
 * replaying the given files or walking randomly from the seed. `extra` passes further options
 * (the crash replay's clock and zero confidence).
 */
export function startLocalPriceService(
  parameters: { port: number; host: string; source: LocalPriceSource; logger: Logger },
  extra: Partial<PriceServiceOptions> = {},
): Promise<PriceService> {
  const { source } = parameters;
  return startPriceService({
    port: parameters.port,
    host: parameters.host,
    ...(source.replay === undefined || source.replay.length === 0 ? {} : { replay: source.replay }),
    ...(source.speed === undefined ? {} : { speed: source.speed }),
    ...(source.seed === undefined ? {} : { seed: source.seed }),
    logger: parameters.logger,
    ...extra,
  });
}
