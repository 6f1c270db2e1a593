#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from "commander";
import { PriceServiceConfigError, type ReplaySpec } from "./config.js";
import { createJsonLogger, type LogLevel } from "./logger.js";
import { startPriceService } from "./startPriceService.js";

interface CliOptions {
  port: number;
  host: string;
  replay: ReplaySpec[];
  feeds?: string[];
  speed: number;
  seed: number;
  loop: boolean;
  apiKey?: string;
  confBps: number;
  confVolFactor: number;
  logLevel: LogLevel;
}

const number = (value: string): number => {
  const parsed = Number(value);
  if (value.trim() === "" || Number.isNaN(parsed))
    throw new InvalidArgumentError(`expected a number, got "${value}"`);
  return parsed;
};

const replaySpec = (value: string, previous: ReplaySpec[]): ReplaySpec[] => {
  const separator = value.indexOf("=");
  if (separator <= 0 || separator === value.length - 1) {
    throw new InvalidArgumentError(
      `expected SYMBOL=FILE (e.g. ETH=./ETHUSDT-1m-2022-11-09.csv), got "${value}"`,
    );
  }
  return [...previous, { feed: value.slice(0, separator), file: value.slice(separator + 1) }];
};

const program = new Command()
  .name("bastion-price-service")
  .description(
    "A local Hermes-compatible Pyth price service: replays Binance kline CSVs (or a seeded random walk) " +
      "and serves update data that the Pyth SDK's MockPyth accepts.",
  )
  .addOption(
    new Option("-p, --port <port>", "port to listen on (0 picks a free one)").argParser(number).default(8787),
  )
  .addOption(new Option("--host <host>", "interface to listen on").default("127.0.0.1"))
  .addOption(
    new Option(
      "--replay <SYMBOL=FILE>",
      "replay a kline CSV for a feed (ETH, BTC, USDC or a feed id); repeatable",
    )
      .argParser(replaySpec)
      .default([]),
  )
  .addOption(
    new Option(
      "--feeds <list>",
      "comma-separated feeds to serve (default ETH,BTC,USDC plus replayed ones)",
    ).argParser((value) => value.split(",").map((feed) => feed.trim())),
  )
  .addOption(
    new Option("--speed <factor>", "market seconds per wall second (60 = one 1-minute bar per second)")
      .argParser(number)
      .default(1),
  )
  .addOption(new Option("--loop", "restart replays from their first bar when they end").default(false))
  .addOption(new Option("--seed <n>", "random-walk seed (same seed, same path)").argParser(number).default(1))
  .addOption(
    new Option("--api-key <key>", "require this key (x-api-key or Authorization: Bearer)").env(
      "BASTION_PRICE_SERVICE_API_KEY",
    ),
  )
  .addOption(
    new Option("--conf-bps <bps>", "confidence half-width in basis points of the price")
      .argParser(number)
      .default(3.3),
  )
  .addOption(
    new Option("--conf-vol-factor <x>", "extra confidence per unit of the last one-second move (0 disables)")
      .argParser(number)
      .default(0.25),
  )
  .addOption(
    new Option("--log-level <level>", "log level")
      .choices(["debug", "info", "warn", "error", "silent"])
      .default("info"),
  )
  .addHelpText(
    "after",
    `
Endpoints: GET /v2/updates/price/latest, /v2/updates/price/{publish_time}, /v2/updates/price/stream,
/v2/price_feeds, /v1/candles, /healthz; POST /admin/prices {"id":"ETH","price":"1850.25"} holds a
price until DELETE /admin/prices/ETH (or "price": null).

Examples:
  bastion-price-service --replay ETH=../shared/data/prices/binance_2022-11-08_10/ETHUSDT-1m-2022-11-09.csv --speed 60 --loop
  bastion-price-service --seed 7 --port 0`,
  );

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<CliOptions>();
  const logger = createJsonLogger(options.logLevel);
  try {
    const service = await startPriceService({
      port: options.port,
      host: options.host,
      replay: options.replay,
      speed: options.speed,
      loop: options.loop,
      seed: options.seed,
      confBps: options.confBps,
      confVolatilityFactor: options.confVolFactor,
      logger,
      ...(options.feeds === undefined ? {} : { feeds: options.feeds }),
      ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    });
    const shutdown = () => {
      service.stop().then(() => process.exit(0));
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  } catch (error) {
    if (error instanceof PriceServiceConfigError) {
      process.stderr.write(`bastion-price-service: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bastion-price-service: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
  );
  process.exit(1);
});
