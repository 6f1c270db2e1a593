import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ManualClock } from "./clock.js";
import { PriceServiceConfigError, resolvePriceServiceConfig } from "./config.js";
import { silentLogger } from "./logger.js";

const fixture = fileURLToPath(new URL("../test/fixtures/eth-two-bars.csv", import.meta.url));
const ETH = "0xff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace";

function problems(options: Parameters<typeof resolvePriceServiceConfig>[0]): readonly string[] {
  try {
    resolvePriceServiceConfig({ logger: silentLogger, ...options });
  } catch (error) {
    if (error instanceof PriceServiceConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a PriceServiceConfigError");
}

describe("resolvePriceServiceConfig", () => {
  it("defaults to ETH, BTC and USDC on port 8787 at real speed", () => {
    const config = resolvePriceServiceConfig({ logger: silentLogger });
    expect(config).toMatchObject({
      port: 8787,
      host: "127.0.0.1",
      speed: 1,
      loop: false,
      seed: 1,
      confBps: 3.3,
    });
    expect(config.feeds.map(({ feed }) => feed.symbol)).toEqual(["ETH", "BTC", "USDC"]);
    expect(config.feeds.every(({ replay }) => replay === undefined)).toBe(true);
  });

  it("loads replay files, accepts symbols or ids, and adds replayed feeds", () => {
    const clock = new ManualClock(0);
    const config = resolvePriceServiceConfig({
      logger: silentLogger,
      clock,
      feeds: ["btc"],
      replay: [{ feed: ETH.slice(2).toUpperCase(), file: fixture }],
      startPrices: { BTC: 20_000 },
    });
    expect(config.clock).toBe(clock);
    expect(config.feeds.map(({ feed }) => feed.symbol)).toEqual(["BTC", "ETH"]);
    expect(config.feeds[0]?.startPriceUsd).toBe(20_000);
    expect(config.feeds[1]?.replay).toMatchObject({
      file: fixture,
      klines: [{ open: 2000 }, { open: 1950 }],
    });
  });

  it("lists every problem with where it is", () => {
    expect(
      problems({
        port: 70_000,
        speed: 0,
        replay: [
          { feed: "DOGE", file: fixture },
          { feed: "ETH", file: "/no/such/file.csv" },
          { feed: "ETH", file: fixture },
        ],
        startPrices: { SOL: 1 },
      }),
    ).toEqual([
      "port: must be between 0 and 65535",
      "speed: must be a number > 0 (60 = one minute of market time per second)",
      'replay[0]: unknown feed "DOGE": use one of ETH, BTC, USDC or a 32-byte hex Pyth feed id',
      "replay[1] (ETH): /no/such/file.csv: cannot read kline file: no such file",
      'startPrices.SOL: unknown feed "SOL": use one of ETH, BTC, USDC or a 32-byte hex Pyth feed id',
    ]);
  });

  it("rejects a second replay of the same feed, unknown options and a bad speed type", () => {
    expect(
      problems({
        replay: [
          { feed: "ETH", file: fixture },
          { feed: "eth/usd", klines: [{ openTimeMs: 0, open: 1, high: 1, low: 1, close: 1, volume: 0 }] },
        ],
      }),
    ).toEqual(["replay[1]: ETH is already replayed from another source"]);
    expect(problems({ speed: Number.NaN })).toEqual([
      "speed: must be a number > 0 (60 = one minute of market time per second)",
    ]);
    expect(problems({ spede: 60 } as never)).toEqual(['options: Unrecognized key: "spede"']);
    expect(problems({ feeds: [] })).toEqual(["feeds: must name at least one feed"]);
  });

  it("formats the error message as a list", () => {
    expect(() => resolvePriceServiceConfig({ logger: silentLogger, speed: -1 })).toThrow(
      "invalid price service configuration:\n  - speed: must be a number > 0",
    );
  });
});
