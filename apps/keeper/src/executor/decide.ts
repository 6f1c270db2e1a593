import { type OrderType, TriggerMath } from "@bastion/risk";
import type { PriceRange } from "@bastion/sdk";
import type { PriceSnapshot } from "../prices/priceFeed.js";
import type { TrackedRequest } from "./trackedRequest.js";

/** What to do with a pending request now. */
export type Decision =
  /** Execute it with this snapshot. */
  | { action: "execute"; snapshot: PriceSnapshot }
  /** Execute it with the first update published at or after `publishTime` (fetched for it). */
  | { action: "execute-at"; publishTime: number }
  /** Its window passed: cancel it (anyone may), refunding the owner. */
  | { action: "cancel"; expiredAt: number }
  /** Wait for an update published at or after `minPublishTime`. */
  | { action: "wait-price"; minPublishTime: number }
  /** A trigger order whose trigger the latest update does not reach. */
  | { action: "wait-trigger"; price: bigint; publishTime: number };

/** What a decision depends on. */
export interface DecisionContext {
  /** The timestamp the next block will most likely carry, Unix seconds. */
  chainTime: number;
  requestExpiry: number;
  maxPriceAge: number;
  latest: PriceSnapshot | undefined;
  /** The index price range of the request's market at `latest` (trigger orders only). */
  indexRange: (snapshot: PriceSnapshot) => PriceRange;
}

/**
 * Decides, without side effects, what to do with a request:
 * - a market request past `createdAt + requestExpiry` is cancelled (the contract lets anyone cancel
 *   it from the next second on, refunding escrow and fee to the owner);
 * - otherwise it executes with the latest update when that was published at or after its creation
 *   and before its expiry (else it waits, or fetches the update at its creation time);
 * - a trigger order executes with a fresh update (within `maxPriceAge`) whose index price reaches its
 *   trigger (risk mirror of `TriggerMath`), else it waits for the next update.
 */
export function decide(request: TrackedRequest, context: DecisionContext): Decision {
  const { latest, chainTime } = context;
  if (request.expires) {
    const expiresAt = request.createdAt + context.requestExpiry;
    if (chainTime > expiresAt) return { action: "cancel", expiredAt: expiresAt };
    if (latest === undefined || latest.publishTime < request.createdAt) {
      return { action: "wait-price", minPublishTime: request.createdAt };
    }
    if (latest.publishTime > expiresAt) return { action: "execute-at", publishTime: request.createdAt };
    return { action: "execute", snapshot: latest };
  }
  // Keep two seconds of slack so the update is still fresh when the transaction lands.
  const freshSince = Math.max(request.createdAt, chainTime - context.maxPriceAge + 2);
  if (latest === undefined || latest.publishTime < freshSince) {
    return { action: "wait-price", minPublishTime: freshSince };
  }
  const order = request.order;
  if (order === undefined) return { action: "execute", snapshot: latest };
  const { reached, price } = TriggerMath.triggerReached(
    order.orderType as OrderType,
    order.isLong,
    order.triggerPrice,
    context.indexRange(latest),
  );
  if (!reached) return { action: "wait-trigger", price, publishTime: latest.publishTime };
  return { action: "execute", snapshot: latest };
}
