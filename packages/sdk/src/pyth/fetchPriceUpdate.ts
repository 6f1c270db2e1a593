import type { HermesClient } from "@pythnetwork/hermes-client";
import type { Hex } from "viem";
import { InvalidParameterError } from "../errors/errors.js";
import type { PythPrice } from "../types.js";
import { HermesError } from "./errors.js";

export interface FetchPriceUpdateParameters {
  /** From `createHermesClient` (any `HermesClient` 2.x works). */
  client: HermesClient;
  /** Pyth feed ids, with or without `0x`. */
  feedIds: readonly string[];
  /**
   * Unix seconds: the first update published at or after this time (Hermes'
   * `/v2/updates/price/{publish_time}`), e.g. a request's `createdAt`. Default: the latest update.
   */
  publishTime?: number | undefined;
}

export interface FetchPriceUpdateReturnType {
  /**
   * The `bytes[]` for the contracts: `binary.data` with `0x` added. Real Hermes returns one blob
   * covering every feed; the local price service one element per feed (what MockPyth needs).
   */
  updateData: Hex[];
  /** The parsed prices, one per returned feed, with bigint mantissas. */
  prices: PythPrice[];
}

export type FetchPriceUpdateErrorType = HermesError | InvalidParameterError;

/**
 * Fetches a Pyth price update from Hermes: the update data to pass to the keeper actions and the
 * prices it carries. Throws a `HermesError` with `code` `unreachable`, `unauthorized` (401/403),
 * `not-found` (404), `http`, `invalid-response` or `missing-feed`.
 *
 * @example
 * const hermes = createHermesClient({ endpoint, apiKey });
 * const { updateData, prices } = await fetchPriceUpdate({
 *   client: hermes,
 *   feedIds: [PYTH_FEED_IDS["ETH/USD"], PYTH_FEED_IDS["USDC/USD"]],
 * });
 */
export async function fetchPriceUpdate(
  parameters: FetchPriceUpdateParameters,
): Promise<FetchPriceUpdateReturnType> {
  const { client, publishTime } = parameters;
  if (parameters.feedIds.length === 0) throw new InvalidParameterError("feedIds", "must not be empty");
  const feedIds = parameters.feedIds.map((id) => {
    const normalized = id.toLowerCase().replace(/^0x/, "");
    if (!/^[0-9a-f]{64}$/.test(normalized)) {
      throw new InvalidParameterError("feedIds", `"${id}" is not a 32-byte hex feed id`);
    }
    return normalized;
  });
  if (publishTime !== undefined && (!Number.isInteger(publishTime) || publishTime < 0)) {
    throw new InvalidParameterError(
      "publishTime",
      `must be a non-negative integer (unix seconds), got ${publishTime}`,
    );
  }
  const endpoint = (client as HermesClient & { endpoint?: string }).endpoint ?? "Hermes";
  const options = { encoding: "hex" as const, parsed: true };
  let response: Awaited<ReturnType<HermesClient["getLatestPriceUpdates"]>>;
  try {
    response =
      publishTime === undefined
        ? await client.getLatestPriceUpdates(feedIds, options)
        : await client.getPriceUpdatesAtTimestamp(publishTime, feedIds, options);
  } catch (error) {
    throw toHermesError(error, endpoint, publishTime);
  }
  if (response.binary.encoding !== "hex" || response.binary.data.length === 0) {
    throw new HermesError("invalid-response", `${endpoint} returned no hex update data`);
  }
  const updateData = response.binary.data.map((data) => (data.startsWith("0x") ? data : `0x${data}`) as Hex);
  const parsed = response.parsed ?? [];
  const missing = feedIds.filter((id) => !parsed.some((p) => p.id.toLowerCase().replace(/^0x/, "") === id));
  if (missing.length > 0) {
    throw new HermesError(
      "missing-feed",
      `${endpoint} returned no update for feed${missing.length > 1 ? "s" : ""} ${missing.map((id) => `0x${id}`).join(", ")}`,
      { missingFeedIds: missing.map((id) => `0x${id}`) },
    );
  }
  let prices: PythPrice[];
  try {
    prices = parsed.map((p) => ({
      feedId: `0x${p.id.toLowerCase().replace(/^0x/, "")}` as Hex,
      price: BigInt(p.price.price),
      conf: BigInt(p.price.conf),
      expo: p.price.expo,
      publishTime: p.price.publish_time,
    }));
  } catch (error) {
    throw new HermesError("invalid-response", `${endpoint} returned a price that is not an integer`, {
      cause: error,
    });
  }
  return { updateData, prices };
}

function toHermesError(error: unknown, endpoint: string, publishTime: number | undefined): HermesError {
  const message = error instanceof Error ? error.message : String(error);
  const http = /HTTP error! status: (\d+)(?:, body: ([\s\S]*))?/.exec(message);
  if (http) {
    const status = Number(http[1]);
    const body = (http[2] ?? "").trim().slice(0, 300);
    if (status === 401 || status === 403) {
      return new HermesError(
        "unauthorized",
        `${endpoint} answered ${status}: missing or wrong API key (pass apiKey to createHermesClient)${body ? `: ${body}` : ""}`,
        { status, cause: error },
      );
    }
    if (status === 404) {
      return new HermesError(
        "not-found",
        `${endpoint} answered 404: ${body || "not found"}${publishTime === undefined ? "" : ` (publish time ${publishTime})`}`,
        { status, cause: error },
      );
    }
    return new HermesError("http", `${endpoint} answered HTTP ${status}${body ? `: ${body}` : ""}`, {
      status,
      cause: error,
    });
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "ZodError") {
    return new HermesError(
      "invalid-response",
      `${endpoint} returned a response that is not Hermes v2's shape`,
      {
        cause: error,
      },
    );
  }
  if (name === "TimeoutError" || name === "AbortError") {
    return new HermesError("unreachable", `${endpoint} did not answer in time`, { cause: error });
  }
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return new HermesError("unreachable", `cannot reach ${endpoint}: ${cause?.code ?? message}`, {
    cause: error,
  });
}
