import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { formatPythPrice } from "../fixedPoint.js";
import { type PriceEngine, PriceInputError } from "../priceEngine.js";
import { HttpError } from "./respond.js";

const MAX_BODY_BYTES = 64 * 1024;

const setPriceBody = z.strictObject({
  id: z.string({ error: "id must be a symbol (ETH) or a feed id" }).min(1),
  price: z.union([z.string(), z.number(), z.null()], {
    error: 'price must be a decimal USD amount ("1850.25") or null to clear',
  }),
  conf: z.union([z.string(), z.number()], { error: 'conf must be a decimal USD amount ("0.5")' }).optional(),
});

/**
 * `POST /admin/prices` with `{ "id": "ETH", "price": "1850.25", "conf"?: "0.5" }`: holds the feed at
 * that price until cleared (`"price": null`, or `DELETE /admin/prices/{id}`). Answers once the
 * price has been published, with that update.
 */
export async function setManualPrice(engine: PriceEngine, request: IncomingMessage): Promise<unknown> {
  const parsed = setPriceBody.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    throw new HttpError(400, parsed.error.issues.map((issue) => issue.message).join("; "));
  }
  const { id, price, conf } = parsed.data;
  try {
    if (price === null) {
      await engine.clearPrice(id);
      return { id: engine.servedFeed(id).id.slice(2), cleared: true };
    }
    const published = await engine.setPrice(id, price, conf === undefined ? {} : { conf });
    return {
      id: published.feedId.slice(2),
      symbol: engine.servedFeed(id).symbol,
      price: formatPythPrice(published.price),
      conf: formatPythPrice(published.conf),
      expo: published.expo,
      publishTime: published.publishTime,
    };
  } catch (error) {
    if (error instanceof PriceInputError) throw new HttpError(400, error.message);
    throw error;
  }
}

/** `DELETE /admin/prices/{id}` (one feed) or `DELETE /admin/prices` (all): back to the sources. */
export async function clearManualPrices(engine: PriceEngine, feed: string | undefined): Promise<unknown> {
  const targets = feed === undefined ? engine.overrides().map((override) => override.id) : [feed];
  try {
    await Promise.all(targets.map((target) => engine.clearPrice(target)));
  } catch (error) {
    if (error instanceof PriceInputError) throw new HttpError(404, error.message);
    throw error;
  }
  return { cleared: targets.map((target) => engine.servedFeed(target).id.slice(2)) };
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, `body is not JSON: ${text.slice(0, 100)}`);
  }
}
