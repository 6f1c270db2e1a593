import type { ServerResponse } from "node:http";

/** CORS headers sent on every response, so a browser app on another origin can call the service. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, x-api-key",
  "access-control-max-age": "600",
};

/** An error answered with its HTTP status and message. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Writes a JSON body (bigints as strings). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
  response.writeHead(status, { ...CORS_HEADERS, "content-type": "application/json" });
  response.end(text);
}

/** Writes a plain-text body, as Hermes does for its errors. */
export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...CORS_HEADERS, "content-type": "text/plain; charset=utf-8" });
  response.end(text);
}
