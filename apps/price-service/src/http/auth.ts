import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * The API key a request carries: the `x-api-key` header, an `Authorization: Bearer <key>` header,
 * or the `ACCESS_TOKEN` query parameter (what Hermes accepts; browsers' EventSource cannot send headers).
 */
export function requestApiKey(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers["x-api-key"];
  if (typeof header === "string" && header.trim() !== "") return header.trim();
  const authorization = request.headers.authorization;
  const bearer =
    authorization === undefined ? undefined : /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim();
  if (bearer !== undefined && bearer !== "") return bearer;
  const token = url.searchParams.get("ACCESS_TOKEN");
  return token === null || token === "" ? undefined : token;
}

/**
 * Whether a request may proceed: always when no key is configured, otherwise only with that key
 * (compared in constant time).
 *
 * @example
 * hermesClient = new HermesClient(url, { headers: { "x-api-key": key } }); // or Authorization: `Bearer ${key}`
 */
export function isAuthorized(request: IncomingMessage, url: URL, apiKey: string | undefined): boolean {
  if (apiKey === undefined) return true;
  const given = requestApiKey(request, url);
  if (given === undefined) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(apiKey));
}
