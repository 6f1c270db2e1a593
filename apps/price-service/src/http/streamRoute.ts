import type { IncomingMessage, ServerResponse } from "node:http";
import { toHermesPriceUpdate } from "../hermesResponse.js";
import type { PriceEngine } from "../priceEngine.js";
import { parseHermesQuery } from "./hermesQuery.js";
import { servedPublishers } from "./hermesRoutes.js";
import { CORS_HEADERS } from "./respond.js";

const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /v2/updates/price/stream`: server-sent events, one `data:` event with a Hermes price update
 * (same body as `/latest`) for every newly published second. Query errors are answered before the
 * stream opens (400/404). The stream is registered in `streams` so the service can end it on stop.
 */
export function streamPriceUpdates(
  engine: PriceEngine,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  streams: Set<ServerResponse>,
): void {
  const query = parseHermesQuery(url);
  const publishers = servedPublishers(engine, query);
  const ids = new Set(publishers.map((publisher) => publisher.feed.id));
  response.writeHead(200, {
    ...CORS_HEADERS,
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  response.flushHeaders();
  streams.add(response);
  const unsubscribe = engine.book.onPublish((_second, updates) => {
    const selected = updates.filter((update) => ids.has(update.feedId));
    if (selected.length > 0)
      response.write(`data: ${JSON.stringify(toHermesPriceUpdate(selected, query))}\n\n`);
  });
  const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
  keepAlive.unref();
  const close = () => {
    unsubscribe();
    clearInterval(keepAlive);
    streams.delete(response);
  };
  request.once("close", close);
  response.once("close", close);
}
