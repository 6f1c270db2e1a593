import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PYTH_FEED_IDS } from "@bastion/contracts";
import { type PriceService, silentLogger, startPriceService } from "@bastion/price-service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestTimestamp, mint, startTestChain, type TestChain, userAt } from "../../test/fixtures.js";
import { executeDeposit } from "../actions/keeper/executeDeposit.js";
import { approveToken } from "../actions/wallet/approveToken.js";
import { createDeposit } from "../actions/wallet/createDeposit.js";
import { InvalidParameterError } from "../errors/errors.js";
import { createHermesClient } from "./createHermesClient.js";
import { HermesError } from "./errors.js";
import { fetchPriceUpdate } from "./fetchPriceUpdate.js";

const ETH = PYTH_FEED_IDS["ETH/USD"];
const USDC = PYTH_FEED_IDS["USDC/USD"];

/** Serves `body` as JSON on every path. */
async function serveJson(body: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("fetchPriceUpdate", () => {
  let service: PriceService;
  let chain: TestChain;
  beforeAll(async () => {
    service = await startPriceService({ port: 0, logger: silentLogger, seed: 5, startPrices: { ETH: 3000 } });
    chain = await startTestChain();
  });
  afterAll(async () => {
    await service?.stop();
    await chain?.stop();
  });

  it("returns the update data and the parsed prices with bigint mantissas", async () => {
    const hermes = createHermesClient({ endpoint: service.url });
    const { updateData, prices } = await fetchPriceUpdate({ client: hermes, feedIds: [ETH, USDC.slice(2)] });
    expect(updateData).toHaveLength(2); // the local service: one element per feed
    for (const data of updateData) expect(data).toMatch(/^0x[0-9a-f]+$/);
    expect(prices.map((p) => p.feedId)).toEqual([ETH, USDC]);
    const [eth, usdc] = prices;
    expect(typeof eth?.price).toBe("bigint");
    expect(eth?.expo).toBe(-8);
    expect(usdc?.price).toBe(100_000_000n);
    expect(eth?.price).toBeGreaterThan(0n);

    const at = prices[0]?.publishTime ?? 0;
    const past = await fetchPriceUpdate({ client: hermes, feedIds: [ETH], publishTime: at });
    expect(past.prices[0]?.publishTime).toBe(at);
  });

  it("fetches an update a deposit executes with on chain", async () => {
    const user = userAt(chain, 0);
    await mint(chain, chain.deployment.usdc, user.account.address, 5_000_000n);
    await approveToken(user, { token: chain.deployment.usdc, spender: chain.exchange, amount: 5_000_000n });
    const { requestId } = await createDeposit(user, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      shortTokenAmount: 5_000_000n,
    });
    const createdAt = await latestTimestamp(chain);
    // The service publishes every wall-clock second; wait until it has published the creation second.
    while (service.latest("ETH").publishTime < createdAt)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const { updateData, prices } = await fetchPriceUpdate({
      client: createHermesClient({ endpoint: service.url }),
      feedIds: [ETH, USDC],
      publishTime: createdAt,
    });
    expect(prices.every((p) => p.publishTime === createdAt)).toBe(true);
    const { outcome } = await executeDeposit(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: updateData,
    });
    expect(outcome).toEqual({ status: "executed" });
  });

  it("reports an unknown feed (404), an unreachable endpoint and a response missing a feed", async () => {
    const hermes = createHermesClient({ endpoint: service.url, httpRetries: 0 });
    const unknown = `0x${"ab".repeat(32)}`;
    const notFound = await fetchPriceUpdate({ client: hermes, feedIds: [unknown] }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(HermesError);
    expect((notFound as HermesError).code).toBe("not-found");
    expect((notFound as HermesError).status).toBe(404);

    const closed = await serveJson({});
    await closed.close();
    const unreachable = await fetchPriceUpdate({
      client: createHermesClient({ endpoint: closed.url, httpRetries: 0 }),
      feedIds: [ETH],
    }).catch((e: unknown) => e);
    expect((unreachable as HermesError).code).toBe("unreachable");
    expect((unreachable as HermesError).message).toMatch(
      /^cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/,
    );

    const partial = await serveJson({
      binary: { encoding: "hex", data: ["00"] },
      parsed: [
        {
          id: ETH.slice(2),
          price: { price: "300000000000", conf: "1", expo: -8, publish_time: 1 },
          ema_price: { price: "300000000000", conf: "1", expo: -8, publish_time: 1 },
          metadata: {},
        },
      ],
    });
    try {
      const missing = await fetchPriceUpdate({
        client: createHermesClient({ endpoint: partial.url, httpRetries: 0 }),
        feedIds: [ETH, USDC],
      }).catch((e: unknown) => e);
      expect((missing as HermesError).code).toBe("missing-feed");
      expect((missing as HermesError).missingFeedIds).toEqual([USDC]);
    } finally {
      await partial.close();
    }
    const shapeless = await serveJson({ hello: "world" });
    try {
      const invalid = await fetchPriceUpdate({
        client: createHermesClient({ endpoint: shapeless.url, httpRetries: 0 }),
        feedIds: [ETH],
      }).catch((e: unknown) => e);
      expect((invalid as HermesError).code).toBe("invalid-response");
    } finally {
      await shapeless.close();
    }
    await expect(fetchPriceUpdate({ client: hermes, feedIds: ["0x1234"] })).rejects.toThrow(
      InvalidParameterError,
    );
    await expect(fetchPriceUpdate({ client: hermes, feedIds: [] })).rejects.toThrow(InvalidParameterError);
  });
});
