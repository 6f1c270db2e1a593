import type { Hex } from "viem";
import { normalizeFeedId } from "../feeds.js";
import type { BinaryEncoding } from "../hermesResponse.js";
import { HttpError } from "./respond.js";

/** The query parameters of Hermes' `/v2/updates/price/*` endpoints. */
export interface HermesQuery {
  /** Requested feed ids, canonical, deduplicated, in request order. */
  ids: Hex[];
  encoding: BinaryEncoding;
  parsed: boolean;
  ignoreInvalidPriceIds: boolean;
}

/**
 * Reads `ids[]` (also `ids`), `encoding` (`hex` default, `base64`), `parsed` (default true) and
 * `ignore_invalid_price_ids` (default false), as Hermes does. Malformed values are a 400.
 */
export function parseHermesQuery(url: URL): HermesQuery {
  const rawIds = [...url.searchParams.getAll("ids[]"), ...url.searchParams.getAll("ids")];
  const ids: Hex[] = [];
  for (const raw of rawIds) {
    const id = normalizeFeedId(raw);
    if (id === undefined) throw new HttpError(400, `Invalid price id: "${raw}" is not 32 bytes of hex`);
    if (!ids.includes(id)) ids.push(id);
  }
  const encoding = url.searchParams.get("encoding") ?? "hex";
  if (encoding !== "hex" && encoding !== "base64") {
    throw new HttpError(400, `Invalid encoding "${encoding}": expected hex or base64`);
  }
  return {
    ids,
    encoding,
    parsed: readBoolean(url, "parsed", true),
    ignoreInvalidPriceIds: readBoolean(url, "ignore_invalid_price_ids", false),
  };
}

/** A boolean query parameter (`true`/`false`). */
export function readBoolean(url: URL, name: string, fallback: boolean): boolean {
  const value = url.searchParams.get(name);
  if (value === null) return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new HttpError(400, `Invalid ${name} "${value}": expected true or false`);
}
