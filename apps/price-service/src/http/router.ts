import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.js";
import type { PriceEngine } from "../priceEngine.js";
import { clearManualPrices, setManualPrice } from "./adminRoutes.js";
import { isAuthorized } from "./auth.js";
import { candles } from "./candlesRoute.js";
import { latestPriceUpdates, priceFeedsMetadata, priceUpdatesAt } from "./hermesRoutes.js";
import { CORS_HEADERS, HttpError, sendJson, sendText } from "./respond.js";
import { streamPriceUpdates } from "./streamRoute.js";

export interface RouterContext {
  engine: PriceEngine;
  apiKey: string | undefined;
  logger: Logger;
  /** Open SSE responses, ended when the service stops. */
  streams: Set<ServerResponse>;
  /** Facts for `/healthz`. */
  health: () => Record<string, unknown>;
}

const PUBLISH_TIME_PATH = /^\/v2\/updates\/price\/(\d+)$/;
const ADMIN_FEED_PATH = /^\/admin\/prices\/([^/]+)$/;

/**
 * The request handler of the price service: Hermes v2 endpoints (`/v2/updates/price/latest`,
 * `/v2/updates/price/{publish_time}`, `/v2/updates/price/stream`, `/v2/price_feeds`), candles
 * (`/v1/candles`), manual prices (`/admin/prices`), and `/healthz`. Hermes endpoints answer errors in
 * plain text as Hermes does; the others in JSON `{ "error": ... }`.
 */
export function createRouter(context: RouterContext) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    route(context, request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) context.logger.error("request failed", { url: request.url, error: message });
      if (response.headersSent) {
        response.end();
        return;
      }
      if (request.url?.startsWith("/v2/")) sendText(response, status, message);
      else sendJson(response, status, { error: message });
    });
  };
}

async function route(
  context: RouterContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  const { pathname } = url;
  const method = request.method ?? "GET";
  context.logger.debug("request", { method, url: request.url });

  if (method === "OPTIONS") {
    response.writeHead(204, CORS_HEADERS);
    response.end();
    return;
  }
  if (method === "GET" && (pathname === "/healthz" || pathname === "/live" || pathname === "/ready")) {
    sendJson(response, 200, context.health());
    return;
  }
  if (!isAuthorized(request, url, context.apiKey)) {
    throw new HttpError(
      401,
      "Unauthorized: missing or wrong API key (send x-api-key or Authorization: Bearer)",
    );
  }

  const { engine } = context;
  if (method === "GET") {
    if (pathname === "/v2/updates/price/latest")
      return sendJson(response, 200, latestPriceUpdates(engine, url));
    if (pathname === "/v2/updates/price/stream") {
      return streamPriceUpdates(engine, request, response, url, context.streams);
    }
    const publishTime = PUBLISH_TIME_PATH.exec(pathname)?.[1];
    if (publishTime !== undefined) {
      return sendJson(response, 200, priceUpdatesAt(engine, url, Number(publishTime)));
    }
    if (pathname === "/v2/price_feeds") return sendJson(response, 200, priceFeedsMetadata(engine, url));
    if (pathname === "/v1/candles") return sendJson(response, 200, candles(engine, url));
    if (pathname === "/admin/prices") return sendJson(response, 200, { overrides: engine.overrides() });
  }
  if (method === "POST" && pathname === "/admin/prices") {
    return sendJson(response, 200, await setManualPrice(engine, request));
  }
  if (method === "DELETE") {
    if (pathname === "/admin/prices")
      return sendJson(response, 200, await clearManualPrices(engine, undefined));
    const feed = ADMIN_FEED_PATH.exec(pathname)?.[1];
    if (feed !== undefined) {
      return sendJson(response, 200, await clearManualPrices(engine, decodeURIComponent(feed)));
    }
  }
  throw new HttpError(404, `Not found: ${method} ${pathname}`);
}
