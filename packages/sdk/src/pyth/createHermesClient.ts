import { HermesClient } from "@pythnetwork/hermes-client";
import { InvalidParameterError } from "../errors/errors.js";

export interface CreateHermesClientParameters {
  /** Hermes base URL, e.g. `https://hermes.pyth.network` or the local price service's URL. */
  endpoint: string;
  /** API key, sent as `Authorization: Bearer <key>` (Hermes requires a key since August 2026). */
  apiKey?: string | undefined;
  /** Request timeout in milliseconds (default 5000). */
  timeout?: number | undefined;
  /** Retries of a failed request, with exponential back-off (default 3; every failure is retried). */
  httpRetries?: number | undefined;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | undefined;
}

/** A `HermesClient` that remembers its endpoint (for error messages). */
export type BastionHermesClient = HermesClient & { readonly endpoint: string };

export type CreateHermesClientReturnType = BastionHermesClient;

export type CreateHermesClientErrorType = InvalidParameterError;

/**
 * Creates a Hermes client (`@pythnetwork/hermes-client` 2.x) for an endpoint, with the API key in
 * its `headers` option.
 *
 * @example
 * const hermes = createHermesClient({ endpoint: "https://hermes.pyth.network", apiKey: process.env.HERMES_API_KEY });
 */
export function createHermesClient(parameters: CreateHermesClientParameters): CreateHermesClientReturnType {
  const { endpoint, apiKey } = parameters;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new InvalidParameterError("endpoint", `"${endpoint}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidParameterError("endpoint", `"${endpoint}" must be an http(s) URL`);
  }
  const headers: Record<string, string> = { ...parameters.headers };
  if (apiKey !== undefined) {
    if (apiKey.trim() === "") throw new InvalidParameterError("apiKey", "must not be empty when given");
    headers.Authorization = `Bearer ${apiKey}`;
  }
  const client = new HermesClient(endpoint, {
    headers,
    ...(parameters.timeout === undefined ? {} : { timeout: parameters.timeout }),
    ...(parameters.httpRetries === undefined ? {} : { httpRetries: parameters.httpRetries }),
  });
  return Object.assign(client, { endpoint });
}
