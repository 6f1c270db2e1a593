import { ORDER_TYPE } from "@bastion/contracts";
import type { PendingRequest } from "@bastion/sdk";
import type { Address } from "viem";
import type { ExchangeEvent } from "../chain/exchangeEvents.js";

/** A pending request the executor tracks (everything here is on chain; nothing is persisted). */
export interface TrackedRequest {
  kind: PendingRequest["kind"];
  id: bigint;
  account: Address;
  market: Address;
  /** Block timestamp of the creation, Unix seconds. */
  createdAt: number;
  /** Market requests (deposits, withdrawals, market orders) expire; trigger orders do not. */
  expires: boolean;
  /** For orders: the order type number, side and trigger; undefined for LP requests. */
  order: { orderType: number; isLong: boolean; triggerPrice: bigint } | undefined;
  /** Block at which the keeper last saw it pending. */
  seenAtBlock: bigint;
  /** Wall clock when first seen, ms. */
  firstSeenMs: number;
  /** Failed attempts since the last success or state change. */
  attempts: number;
  /** Do not try before this wall-clock time, ms. */
  nextAttemptAtMs: number;
  running: boolean;
  /** Trigger orders: publish time of the last update that did not reach the trigger. */
  triggerCheckedAt: number | undefined;
  /** Trigger orders: wall clock when the trigger was first seen reached, ms. */
  dueSinceMs: number | undefined;
  stuckReported: boolean;
  /** The last decision logged in dry-run mode (each is logged once). */
  dryRunDecision: string | undefined;
  lastError: string | undefined;
}

/** `deposit:12`: the key of a request in logs and maps (ids are unique across kinds). */
export function requestKey(kind: string, id: bigint): string {
  return `${kind}:${id}`;
}

/** Whether an order type is a market order (executes with the first prices, expires). */
export function isMarketOrderType(orderType: number): boolean {
  return orderType === ORDER_TYPE.MarketIncrease || orderType === ORDER_TYPE.MarketDecrease;
}

/** The order type's name, for logs. */
export function orderTypeName(orderType: number): string {
  return Object.entries(ORDER_TYPE).find(([, value]) => value === orderType)?.[0] ?? `type${orderType}`;
}

function blank(): Pick<
  TrackedRequest,
  | "attempts"
  | "nextAttemptAtMs"
  | "running"
  | "triggerCheckedAt"
  | "dueSinceMs"
  | "stuckReported"
  | "dryRunDecision"
  | "lastError"
  | "firstSeenMs"
> {
  return {
    firstSeenMs: Date.now(),
    attempts: 0,
    nextAttemptAtMs: 0,
    running: false,
    triggerCheckedAt: undefined,
    dueSinceMs: undefined,
    stuckReported: false,
    dryRunDecision: undefined,
    lastError: undefined,
  };
}

/** A tracked request from a pending-list read (`getPendingRequests`). */
export function fromPending(pending: PendingRequest, blockNumber: bigint): TrackedRequest {
  const base = {
    ...blank(),
    kind: pending.kind,
    id: pending.id,
    account: pending.request.account,
    market: pending.request.market,
    createdAt: Number(pending.request.createdAt),
    seenAtBlock: blockNumber,
  };
  if (pending.kind === "order") {
    const { orderType, isLong, triggerPrice } = pending.request;
    return { ...base, expires: isMarketOrderType(orderType), order: { orderType, isLong, triggerPrice } };
  }
  return { ...base, expires: true, order: undefined };
}

/** A tracked request from its creation event (`DepositCreated`, `WithdrawalCreated`, `OrderCreated`). */
export function fromCreatedEvent(
  event: ExchangeEvent & { blockTimestamp: bigint },
): TrackedRequest | undefined {
  const common = {
    ...blank(),
    createdAt: Number(event.blockTimestamp),
    seenAtBlock: event.blockNumber,
  };
  switch (event.eventName) {
    case "DepositCreated":
      return {
        ...common,
        kind: "deposit",
        id: event.args.id,
        account: event.args.account,
        market: event.args.market,
        expires: true,
        order: undefined,
      };
    case "WithdrawalCreated":
      return {
        ...common,
        kind: "withdrawal",
        id: event.args.id,
        account: event.args.account,
        market: event.args.market,
        expires: true,
        order: undefined,
      };
    case "OrderCreated": {
      const { orderType, isLong, triggerPrice } = event.args;
      return {
        ...common,
        kind: "order",
        id: event.args.id,
        account: event.args.account,
        market: event.args.market,
        expires: isMarketOrderType(orderType),
        order: { orderType, isLong, triggerPrice },
      };
    }
    default:
      return undefined;
  }
}

/** The id of the request an event closes (executed or cancelled), if any. */
export function closedRequestId(event: ExchangeEvent): bigint | undefined {
  switch (event.eventName) {
    case "DepositExecuted":
    case "WithdrawalExecuted":
    case "RequestCancelled":
      return event.args.id;
    case "PositionIncreased":
    case "PositionDecreased":
      return event.args.orderId === 0n ? undefined : event.args.orderId;
    default:
      return undefined;
  }
}
