import { PYTH_FEED_IDS } from "@bastion/contracts";
import { type PriceService, silentLogger, startPriceService } from "@bastion/price-service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidParameterError } from "../errors/errors.js";
import { createHermesClient } from "./createHermesClient.js";
import { HermesError } from "./errors.js";
import { fetchPriceUpdate } from "./fetchPriceUpdate.js";

describe("createHermesClient", () => {
  let service: PriceService;
  beforeAll(async () => {
    service = await startPriceService({ port: 0, apiKey: "sdk-test-key", logger: silentLogger, seed: 3 });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it("sends the API key Hermes requires", async () => {
    const hermes = createHermesClient({ endpoint: service.url, apiKey: "sdk-test-key" });
    expect(hermes.endpoint).toBe(service.url);
    const { prices } = await fetchPriceUpdate({ client: hermes, feedIds: [PYTH_FEED_IDS["ETH/USD"]] });
    expect(prices).toHaveLength(1);

    const keyless = createHermesClient({ endpoint: service.url, httpRetries: 0 });
    const error = await fetchPriceUpdate({ client: keyless, feedIds: [PYTH_FEED_IDS["ETH/USD"]] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HermesError);
    expect((error as HermesError).code).toBe("unauthorized");
    expect((error as HermesError).status).toBe(401);
    expect((error as HermesError).message).toMatch(/missing or wrong API key/);
  });

  it("rejects an endpoint that is not an http(s) URL, and an empty key", () => {
    expect(() => createHermesClient({ endpoint: "hermes.pyth.network" })).toThrow(InvalidParameterError);
    expect(() => createHermesClient({ endpoint: "ftp://example.org" })).toThrow(/http\(s\)/);
    expect(() => createHermesClient({ endpoint: service.url, apiKey: " " })).toThrow(/apiKey/);
  });
});
