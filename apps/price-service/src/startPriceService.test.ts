import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { decodeMockPythUpdate } from "@bastion/devchain";
import { HermesClient, type PriceUpdate } from "@pythnetwork/hermes-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "../test/poll.js";
import { ManualClock } from "./clock.js";
import { PriceServiceConfigError } from "./config.js";
import { silentLogger } from "./logger.js";
import { type PriceService, startPriceService } from "./startPriceService.js";

const ETH = "ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace";
const BTC = "e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43";
const USDC = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";
const fixture = fileURLToPath(new URL("../test/fixtures/eth-two-bars.csv", import.meta.url));

const services: PriceService[] = [];
async function start(options: Parameters<typeof startPriceService>[0] = {}): Promise<PriceService> {
  const service = await startPriceService({ port: 0, logger: silentLogger, ...options });
  services.push(service);
  return service;
}
afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
});

const parsedOf = (update: PriceUpdate) => {
  expect(update.parsed).toBeDefined();
  return update.parsed ?? [];
};

describe("the price service with HermesClient (random walk, real clock)", () => {
  let service: PriceService;
  let hermes: HermesClient;

  beforeAll(async () => {
    service = await start({ seed: 7 });
    hermes = new HermesClient(service.url, { httpRetries: 0 });
  });

  it("serves the latest update of each feed, with one MockPyth update per feed", async () => {
    const update = await hermes.getLatestPriceUpdates([ETH, `0x${BTC}`, USDC]);
    expect(update.binary.encoding).toBe("hex");
    expect(update.binary.data).toHaveLength(3);
    const parsed = parsedOf(update);
    expect(parsed.map((feed) => feed.id)).toEqual([ETH, BTC, USDC]);
    const now = Math.floor(Date.now() / 1000);
    parsed.forEach((feed, index) => {
      expect(feed.price.expo).toBe(-8);
      expect(Math.abs(feed.price.publish_time - now)).toBeLessThanOrEqual(5);
      expect(feed.metadata.prev_publish_time).toBe(feed.price.publish_time - 1);
      const data = update.binary.data[index] as string;
      expect(data).toMatch(/^[0-9a-f]+$/); // hex without 0x, as Hermes encodes it
      const decoded = decodeMockPythUpdate(`0x${data}`);
      expect(decoded).toEqual({
        feedId: `0x${feed.id}`,
        price: {
          price: BigInt(feed.price.price),
          conf: BigInt(feed.price.conf),
          expo: -8,
          publishTime: feed.price.publish_time,
        },
        emaPrice: {
          price: BigInt(feed.ema_price.price),
          conf: BigInt(feed.ema_price.conf),
          expo: -8,
          publishTime: feed.price.publish_time,
        },
        prevPublishTime: feed.metadata.prev_publish_time,
      });
    });
    // USDC is a constant 1.00 with a 0.5 bp confidence
    expect(parsed[2]?.price).toMatchObject({ price: "100000000", conf: "5000" });
  });

  it("answers base64 and parsed=false as Hermes does", async () => {
    const update = await hermes.getLatestPriceUpdates([ETH], { encoding: "base64", parsed: false });
    expect(update.binary.encoding).toBe("base64");
    expect(update.parsed).toBeUndefined();
    const bytes = Buffer.from(update.binary.data[0] as string, "base64");
    expect(decodeMockPythUpdate(`0x${bytes.toString("hex")}`).feedId).toBe(`0x${ETH}`);
  });

  it("serves the update of a past second, and 404 for the future", async () => {
    const latest = parsedOf(await hermes.getLatestPriceUpdates([ETH]))[0];
    const publishTime = (latest?.price.publish_time ?? 0) as number;
    await pollUntil(
      () => service.latest("ETH").publishTime,
      (second) => second >= publishTime + 1,
    );
    const past = parsedOf(await hermes.getPriceUpdatesAtTimestamp(publishTime, [ETH]))[0];
    expect(past).toEqual(latest);
    const before = parsedOf(await hermes.getPriceUpdatesAtTimestamp(publishTime - 3600, [ETH]))[0];
    expect(before?.price.publish_time).toBe(service.engine.startSecond); // first update at or after
    await expect(hermes.getPriceUpdatesAtTimestamp(publishTime + 3600, [ETH])).rejects.toThrow(
      "HTTP error! status: 404, body: Update data not found",
    );
  });

  it("rejects unknown and malformed ids like Hermes, unless told to ignore them", async () => {
    const unknown = "11".repeat(32);
    await expect(hermes.getLatestPriceUpdates([ETH, unknown])).rejects.toThrow(
      `status: 404, body: Price ids not found: ${unknown}`,
    );
    const ignored = await hermes.getLatestPriceUpdates([unknown, ETH], { ignoreInvalidPriceIds: true });
    expect(parsedOf(ignored).map((feed) => feed.id)).toEqual([ETH]);
    await expect(hermes.getLatestPriceUpdates(["0x1234"])).rejects.toThrow("status: 400");
  });

  it("lists its feeds at /v2/price_feeds, filtered by query", async () => {
    const feeds = await hermes.getPriceFeeds();
    expect(feeds.map((feed) => feed.attributes.symbol)).toEqual([
      "Crypto.ETH/USD",
      "Crypto.BTC/USD",
      "Crypto.USDC/USD",
    ]);
    expect(feeds[0]).toMatchObject({ id: ETH, attributes: { base: "ETH", quote_currency: "USD" } });
    expect(
      (await hermes.getPriceFeeds({ query: "btc", assetType: "crypto" })).map((feed) => feed.id),
    ).toEqual([BTC]);
  });

  it("streams one event per published second over SSE", async () => {
    const source = await hermes.getPriceUpdatesStream([ETH, USDC], { parsed: true });
    try {
      const events: PriceUpdate[] = [];
      source.onmessage = (event) => events.push(JSON.parse(String(event.data)) as PriceUpdate);
      await pollUntil(
        () => events.length,
        (count) => count >= 2,
      );
      const [first, second] = events.map((event) => parsedOf(event));
      expect(first?.map((feed) => feed.id)).toEqual([ETH, USDC]);
      expect(events[0]?.binary.data).toHaveLength(2);
      expect(second?.[0]?.price.publish_time).toBe((first?.[0]?.price.publish_time ?? 0) + 1);
    } finally {
      source.close();
    }
  });

  it("aggregates what it published into candles", async () => {
    const response = await fetch(`${service.url}/v1/candles?id=ETH&resolution=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as {
      symbol: string;
      candles: Array<{ time: number; open: number }>;
    };
    expect(body.symbol).toBe("ETH");
    expect(body.candles[0]?.time).toBe(service.engine.startSecond);
    expect(body.candles[0]?.open).toBe(3000);
    const bad = await fetch(`${service.url}/v1/candles?id=DOGE`);
    expect(bad.status).toBe(404);
    expect(await bad.json()).toEqual({ error: expect.stringContaining('unknown feed "DOGE"') });
  });

  it("holds a manual price until it is cleared (programmatically and over HTTP)", async () => {
    const held = await service.setPrice("USDC", "0.97", { conf: "0.001" });
    expect(held).toMatchObject({ price: 97_000_000n, conf: 100_000n, source: "override" });
    const latest = parsedOf(await hermes.getLatestPriceUpdates([USDC]))[0];
    expect(latest?.price).toMatchObject({ price: "97000000", conf: "100000" });
    const atTime = parsedOf(await hermes.getPriceUpdatesAtTimestamp(held.publishTime, [USDC]))[0];
    expect(atTime?.price.price).toBe("97000000");

    const post = await fetch(`${service.url}/admin/prices`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: ETH, price: "1234.5" }),
    });
    expect(post.status).toBe(200);
    const posted = (await post.json()) as { price: string; conf: string; publishTime: number };
    expect(posted).toMatchObject({ id: ETH, symbol: "ETH", price: "1234.5", expo: -8 });
    expect(posted.conf).toBe("0.407385"); // 3.3 bp of 1234.5
    const listed = await (await fetch(`${service.url}/admin/prices`)).json();
    expect(listed).toEqual({
      overrides: [
        { id: ETH, symbol: "ETH", price: "1234.5" },
        { id: USDC, symbol: "USDC", price: "0.97", conf: "0.001" },
      ],
    });

    const cleared = await fetch(`${service.url}/admin/prices`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: "ETH", price: null }),
    });
    expect(await cleared.json()).toEqual({ id: ETH, cleared: true });
    expect(service.latest("ETH").source).toBe("random-walk");
    const deleted = await fetch(`${service.url}/admin/prices/USDC`, { method: "DELETE" });
    expect(await deleted.json()).toEqual({ cleared: [USDC] });
    expect(service.latest("USDC")).toMatchObject({ price: 100_000_000n, source: "constant" });
  });

  it("answers bad admin requests with 400 and the reason", async () => {
    const post = (body: unknown) =>
      fetch(`${service.url}/admin/prices`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect(await (await post({ id: "ETH", price: "12.123456789" })).json()).toEqual({
      error: 'price: "12.123456789" is not a decimal amount like 1850.25 (digits, at most 8 decimals)',
    });
    const unknown = await post({ id: "DOGE", price: "1" });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/unknown feed "DOGE"/);
    expect((await post({ price: "1" })).status).toBe(400);
    expect((await fetch(`${service.url}/nowhere`)).status).toBe(404);
  });
});

describe("API key", () => {
  let service: PriceService;

  beforeAll(async () => {
    service = await start({ apiKey: "s3cret" });
  });

  it("rejects requests without the key with 401", async () => {
    await expect(
      new HermesClient(service.url, { httpRetries: 0 }).getLatestPriceUpdates([ETH]),
    ).rejects.toThrow("status: 401");
    await expect(
      new HermesClient(service.url, {
        httpRetries: 0,
        headers: { "x-api-key": "wrong" },
      }).getLatestPriceUpdates([ETH]),
    ).rejects.toThrow("status: 401");
    const admin = await fetch(`${service.url}/admin/prices`, { method: "POST", body: "{}" });
    expect(admin.status).toBe(401);
  });

  it("accepts it as x-api-key, Authorization: Bearer, or ACCESS_TOKEN", async () => {
    for (const headers of [{ "x-api-key": "s3cret" }, { Authorization: "Bearer s3cret" }]) {
      const update = await new HermesClient(service.url, { httpRetries: 0, headers }).getLatestPriceUpdates([
        ETH,
      ]);
      expect(update.binary.data).toHaveLength(1);
    }
    const query = await fetch(`${service.url}/v2/updates/price/latest?ids[]=${ETH}&ACCESS_TOKEN=s3cret`);
    expect(query.status).toBe(200);
  });

  it("leaves /healthz and CORS preflights open", async () => {
    const health = await fetch(`${service.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", apiKeyRequired: true });
    const preflight = await fetch(`${service.url}/v2/updates/price/latest`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-api-key");
  });
});

describe("kline replay", () => {
  it("at 60x publishes the first bar's low and the second bar's high (real clock)", async () => {
    const service = await start({ replay: [{ feed: "ETH", file: fixture }], speed: 60, feeds: ["USDC"] });
    const hermes = new HermesClient(service.url, { httpRetries: 0 });
    const startSecond = service.engine.startSecond;
    await pollUntil(
      () => service.latest("ETH").publishTime,
      (second) => second >= startSecond + 3,
    );
    const prices: string[] = [];
    for (let second = startSecond; second <= startSecond + 3; second++) {
      const update = await hermes.getPriceUpdatesAtTimestamp(second, [ETH]);
      prices.push(parsedOf(update)[0]?.price.price ?? "");
    }
    // open 2000, then the down bar's low 1900, the up bar's high 2100, then the last close 2090
    expect(prices).toEqual(["200000000000", "190000000000", "210000000000", "209000000000"]);
    const health = (await (await fetch(`${service.url}/healthz`)).json()) as {
      feeds: Array<{ symbol: string }>;
    };
    expect(health.feeds).toContainEqual(
      expect.objectContaining({ symbol: "ETH", source: "replay", ended: true }),
    );
  });

  it("widens the confidence with the last one-second move", async () => {
    const clock = new ManualClock(1_800_000_000_000);
    const service = await start({
      replay: [{ feed: "ETH", file: fixture }],
      speed: 60,
      clock,
      feeds: ["ETH"],
    });
    expect(service.latest("ETH")).toMatchObject({ price: 200_000_000_000n, conf: 66_000_000n }); // 3.3 bp
    clock.advance(1000);
    // 3.3 bp of 1900 plus a quarter of the 100 USD move
    expect(service.latest("ETH")).toMatchObject({
      price: 190_000_000_000n,
      conf: 62_700_000n + 2_500_000_000n,
    });
  });
});

describe("random walk", () => {
  const pathOf = async (service: PriceService, seconds: number) => {
    const hermes = new HermesClient(service.url, { httpRetries: 0 });
    const prices: string[] = [];
    for (let offset = 0; offset <= seconds; offset += 5) {
      const update = await hermes.getPriceUpdatesAtTimestamp(service.engine.startSecond + offset, [ETH, BTC]);
      prices.push(...parsedOf(update).map((feed) => `${feed.price.price}/${feed.price.conf}`));
    }
    return prices;
  };

  it("is the same path for the same seed, whenever the service starts, and another for another seed", async () => {
    const clocks = [1_800_000_000_000, 1_900_000_000_000, 1_800_000_000_000].map((ms) => new ManualClock(ms));
    const [first, second, other] = await Promise.all(
      clocks.map((clock, index) => start({ seed: index < 2 ? 42 : 43, speed: 60, clock })),
    );
    for (const clock of clocks) clock.advance(30_000);
    const path = await pathOf(first as PriceService, 30);
    expect(path).toHaveLength(14);
    expect(path[0]).toBe(`300000000000/${(300_000_000_000n * 33n) / 100_000n}`);
    expect(new Set(path).size).toBeGreaterThan(10);
    expect(await pathOf(second as PriceService, 30)).toEqual(path);
    expect(await pathOf(other as PriceService, 30)).not.toEqual(path);
  });
});

describe("startup errors", () => {
  it("says which port is in use", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const error = await startPriceService({ port, logger: silentLogger }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(PriceServiceConfigError);
      expect((error as Error).message).toContain(`port: ${port} on 127.0.0.1 is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
